// What the fake's createImage does beyond the header: Figma refuses bytes it cannot decode, so a
// PNG is decoded here in full (every chunk's CRC, the zlib stream inflated to exactly the size
// IHDR promises, every row's filter type); JPEG and GIF are walked segment by segment and block
// by block to their end marker, so an image cut short or with a broken structure is refused.
// Plain JS and synchronous, like createImage, so it runs in vitest and in the browser host.
import type { ImageInfo } from './image-info'
import { inflateZlib } from './inflate'
import { crc32 } from './png-encode'

/** The fake's message for a damaged image (Figma documents none for this case). */
export const INVALID_IMAGE = 'Image is invalid'

export function assertDecodable(bytes: Uint8Array, info: ImageInfo): void {
  try {
    if (info.format === 'PNG') decodePng(bytes)
    else if (info.format === 'JPEG') walkJpeg(bytes)
    else if (info.format === 'GIF') walkGif(bytes)
  } catch (error) {
    throw new Error(INVALID_IMAGE, { cause: error })
  }
}

const u32 = (b: Uint8Array, i: number) => ((b[i]! << 24) | (b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!) >>> 0
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }

function decodePng(bytes: Uint8Array): void {
  let at = 8
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined
  const data: Uint8Array[] = []
  let ended = false
  while (!ended) {
    if (at + 12 > bytes.length) throw new Error('PNG cut short before IEND')
    const length = u32(bytes, at)
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8))
    if (at + 12 + length > bytes.length) throw new Error(`PNG chunk ${type} cut short`)
    const body = bytes.subarray(at + 8, at + 8 + length)
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== u32(bytes, at + 8 + length)) throw new Error(`PNG chunk ${type}: bad CRC`)
    if (!header && type !== 'IHDR') throw new Error('PNG without IHDR first')
    if (type === 'IHDR') header = { width: u32(body, 0), height: u32(body, 4), depth: body[8]!, colour: body[9]!, interlace: body[12]! }
    else if (type === 'IDAT') data.push(body)
    else if (type === 'IEND') ended = true
    at += 12 + length
  }
  if (!header || data.length === 0) throw new Error('PNG without image data')
  const channels = CHANNELS[header.colour]
  if (!channels) throw new Error('PNG of unknown colour type')
  const bitsPerPixel = channels * header.depth
  const rowBytes = (width: number) => Math.ceil((width * bitsPerPixel) / 8)
  // each pass of Adam7 (or the one image) is rows of a filter byte and packed pixels
  const passes = header.interlace
    ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]].map(([x, y, dx, dy]) => ({
        width: Math.ceil((header.width - x!) / dx!),
        height: Math.ceil((header.height - y!) / dy!),
      }))
    : [{ width: header.width, height: header.height }]
  const expected = passes.reduce((sum, p) => (p.width > 0 && p.height > 0 ? sum + p.height * (1 + rowBytes(p.width)) : sum), 0)
  const joined = new Uint8Array(data.reduce((sum, part) => sum + part.length, 0))
  data.reduce((offset, part) => (joined.set(part, offset), offset + part.length), 0)
  const raw = inflateZlib(joined, expected)
  if (raw.length !== expected) throw new Error(`PNG pixel data of ${raw.length} bytes, ${expected} expected`)
  let row = 0
  for (const pass of passes) {
    if (pass.width <= 0 || pass.height <= 0) continue
    for (let y = 0; y < pass.height; y++, row += 1 + rowBytes(pass.width)) if (raw[row]! > 4) throw new Error('PNG row with an unknown filter')
  }
}

function walkJpeg(bytes: Uint8Array): void {
  let at = 2
  let frame = false
  for (;;) {
    if (at + 2 > bytes.length) throw new Error('JPEG cut short before its end marker')
    if (bytes[at] !== 0xff) throw new Error('JPEG segment without a marker')
    const marker = bytes[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    if (marker === 0xd9) {
      if (!frame) throw new Error('JPEG without a frame')
      return
    }
    if (marker >= 0xd0 && marker <= 0xd7) {
      at += 2
      continue
    }
    if (at + 4 > bytes.length) throw new Error('JPEG cut short in a segment header')
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (length < 2 || at + 2 + length > bytes.length) throw new Error('JPEG segment cut short')
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) frame = true
    at += 2 + length
    if (marker !== 0xda) continue
    if (!frame) throw new Error('JPEG scan before its frame')
    // entropy-coded data runs to the next marker that is neither a stuffed 0xFF00 nor a restart
    while (at + 1 < bytes.length && !(bytes[at] === 0xff && bytes[at + 1] !== 0 && !(bytes[at + 1]! >= 0xd0 && bytes[at + 1]! <= 0xd7))) at++
  }
}

function walkGif(bytes: Uint8Array): void {
  const table = (flags: number) => (flags & 0x80 ? 3 * (1 << ((flags & 0x07) + 1)) : 0)
  let at = 13 + table(bytes[10] ?? 0)
  let images = 0
  const subBlocks = () => {
    for (;;) {
      if (at >= bytes.length) throw new Error('GIF cut short in a data block')
      const size = bytes[at++]!
      if (size === 0) return
      at += size
    }
  }
  for (;;) {
    if (at >= bytes.length) throw new Error('GIF cut short before its trailer')
    const introducer = bytes[at++]!
    if (introducer === 0x3b) {
      if (images === 0) throw new Error('GIF without an image')
      return
    }
    if (introducer === 0x21) {
      at++ // the extension's label
      subBlocks()
    } else if (introducer === 0x2c) {
      if (at + 9 > bytes.length) throw new Error('GIF cut short in an image descriptor')
      at += 9 + table(bytes[at + 8]!)
      at++ // LZW minimum code size
      subBlocks()
      images++
    } else throw new Error('GIF block of an unknown kind')
  }
}
