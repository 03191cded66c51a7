// A PNG encoder in plain JS so the fake's exportAsync returns real, decodable PNG bytes in
// any environment (no zlib, no Buffer). It writes 8-bit RGBA, filter 0 on every row, and a
// zlib stream made of stored (uncompressed) deflate blocks: larger files than Figma's, but
// valid, and the pixel size in IHDR is what product code and tests look at.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const MAX_STORED_BLOCK = 65_535

export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`encodePng: size must be positive integers, got ${width}×${height}`)
  }
  if (rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng: expected ${width * height * 4} RGBA bytes, got ${rgba.length}`)
  }
  const ihdr = new Uint8Array(13)
  const ihdrView = new DataView(ihdr.buffer)
  ihdrView.setUint32(0, width)
  ihdrView.setUint32(4, height)
  ihdr.set([8, 6, 0, 0, 0], 8) // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const chunks = [chunk('IHDR', ihdr), chunk('IDAT', zlibStored(scanlines(width, height, rgba))), chunk('IEND', new Uint8Array(0))]
  return concat([new Uint8Array(SIGNATURE), ...chunks])
}

// Each row is prefixed with its filter type byte (0 = none).
function scanlines(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const stride = width * 4
  const raw = new Uint8Array((stride + 1) * height)
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  return raw
}

// zlib header (CM 8, window 32K, no dictionary, FCHECK so the header is a multiple of 31),
// stored deflate blocks of at most 65,535 bytes, then the Adler-32 of the raw data.
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / MAX_STORED_BLOCK))
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4)
  out[0] = 0x78
  out[1] = 0x01
  let at = 2
  for (let i = 0; i < blocks; i++) {
    const start = i * MAX_STORED_BLOCK
    const length = Math.min(MAX_STORED_BLOCK, raw.length - start)
    out[at] = i === blocks - 1 ? 1 : 0 // BFINAL on the last block, BTYPE 00 (stored)
    out[at + 1] = length & 0xff
    out[at + 2] = length >>> 8
    out[at + 3] = ~length & 0xff
    out[at + 4] = (~length >>> 8) & 0xff
    out.set(raw.subarray(start, start + length), at + 5)
    at += 5 + length
  }
  new DataView(out.buffer).setUint32(at, adler32(raw))
  return out
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  const view = new DataView(out.buffer)
  view.setUint32(0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

let crcTable: Uint32Array | undefined

export function crc32(bytes: Uint8Array): number {
  crcTable ??= makeCrcTable()
  let crc = 0xffffffff
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function makeCrcTable(): Uint32Array {
  const table = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  return table
}

export function adler32(bytes: Uint8Array): number {
  let a = 1
  let b = 0
  // 5552 is the largest run before b can overflow 2^32 between modulo reductions.
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(start + 5552, bytes.length)
    for (let i = start; i < end; i++) {
      a += bytes[i]!
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0))
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
