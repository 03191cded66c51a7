// A small zlib inflater (RFC 1950/1951) in plain JS, so the fake's createImage can decode a
// PNG's pixel stream synchronously in any environment, as Figma's does. It throws on any
// stream that is not whole and valid; `limit` bounds the output (the size the header promises).

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
const CODE_LENGTH_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

interface Huffman {
  counts: Uint16Array
  symbols: Uint16Array
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16)
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]!]!++
  counts[0] = 0
  const offsets = new Uint16Array(16)
  for (let len = 1; len < 16; len++) offsets[len] = offsets[len - 1]! + counts[len - 1]!
  const symbols = new Uint16Array(lengths.length)
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offsets[lengths[i]!]!++] = i
  return { counts, symbols }
}

const FIXED_LITERALS = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)))
const FIXED_DISTANCES = huffman(Array.from({ length: 30 }, () => 5))

export function inflateZlib(input: Uint8Array, limit: number): Uint8Array {
  if (input.length < 6 || (input[0]! & 0x0f) !== 8 || ((input[0]! << 8) | input[1]!) % 31 !== 0 || input[1]! & 0x20) {
    throw new Error('not a zlib stream')
  }
  const out = new Uint8Array(limit)
  let outAt = 0
  let at = 2
  let bitBuffer = 0
  let bitCount = 0

  function bits(n: number): number {
    while (bitCount < n) {
      if (at >= input.length) throw new Error('zlib stream cut short')
      bitBuffer |= input[at++]! << bitCount
      bitCount += 8
    }
    const value = bitBuffer & ((1 << n) - 1)
    bitBuffer >>>= n
    bitCount -= n
    return value
  }

  function decode(table: Huffman): number {
    let code = 0
    let first = 0
    let index = 0
    for (let len = 1; len < 16; len++) {
      code |= bits(1)
      const count = table.counts[len]!
      if (code - count < first) return table.symbols[index + (code - first)]!
      index += count
      first = (first + count) << 1
      code <<= 1
    }
    throw new Error('invalid Huffman code')
  }

  function put(byte: number): void {
    if (outAt >= limit) throw new Error('more data than the header promises')
    out[outAt++] = byte
  }

  function block(literals: Huffman, distances: Huffman): void {
    for (;;) {
      const symbol = decode(literals)
      if (symbol < 256) put(symbol)
      else if (symbol === 256) return
      else {
        const li = symbol - 257
        if (li >= 29) throw new Error('invalid length code')
        const length = LENGTH_BASE[li]! + bits(LENGTH_EXTRA[li]!)
        const di = decode(distances)
        if (di >= 30) throw new Error('invalid distance code')
        const distance = DIST_BASE[di]! + bits(DIST_EXTRA[di]!)
        if (distance > outAt) throw new Error('distance before the start')
        for (let i = 0; i < length; i++) put(out[outAt - distance]!)
      }
    }
  }

  function dynamicTables(): [Huffman, Huffman] {
    const literalCount = bits(5) + 257
    const distanceCount = bits(5) + 1
    const lengthCount = bits(4) + 4
    const codeLengths = new Uint8Array(19)
    for (let i = 0; i < lengthCount; i++) codeLengths[CODE_LENGTH_ORDER[i]!] = bits(3)
    const lengthTable = huffman(codeLengths)
    const lengths = new Uint8Array(literalCount + distanceCount)
    for (let i = 0; i < lengths.length; ) {
      const symbol = decode(lengthTable)
      if (symbol < 16) lengths[i++] = symbol
      else {
        if (symbol === 16 && i === 0) throw new Error('repeat with nothing before')
        const [value, repeat] = symbol === 16 ? [lengths[i - 1]!, 3 + bits(2)] : symbol === 17 ? [0, 3 + bits(3)] : [0, 11 + bits(7)]
        if (i + repeat > lengths.length) throw new Error('too many code lengths')
        lengths.fill(value, i, i + repeat)
        i += repeat
      }
    }
    return [huffman(lengths.subarray(0, literalCount)), huffman(lengths.subarray(literalCount))]
  }

  for (let last = 0; !last; ) {
    last = bits(1)
    const type = bits(2)
    if (type === 0) {
      bitBuffer = 0
      bitCount = 0
      if (at + 4 > input.length) throw new Error('zlib stream cut short')
      const length = input[at]! | (input[at + 1]! << 8)
      const check = input[at + 2]! | (input[at + 3]! << 8)
      if ((length ^ 0xffff) !== check) throw new Error('stored block length mismatch')
      at += 4
      if (at + length > input.length) throw new Error('zlib stream cut short')
      for (let i = 0; i < length; i++) put(input[at + i]!)
      at += length
    } else if (type === 1) block(FIXED_LITERALS, FIXED_DISTANCES)
    else if (type === 2) block(...dynamicTables())
    else throw new Error('invalid block type')
  }
  if (at + 4 > input.length) throw new Error('zlib stream without its checksum')
  const result = out.subarray(0, outAt)
  const expected = ((input[at]! << 24) | (input[at + 1]! << 16) | (input[at + 2]! << 8) | input[at + 3]!) >>> 0
  if (adler32(result) !== expected) throw new Error('zlib checksum mismatch')
  return result
}

function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552)
    for (; i < end; i++) {
      a += bytes[i]!
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}
