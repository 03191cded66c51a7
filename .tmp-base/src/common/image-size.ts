import { ascii, startsWith } from './image-format'

// The pixel size written in the header of the formats Figma places (PNG, JPEG, GIF), without
// decoding: the sandbox names an image over createImage's 4096 px limit by its size, and the UI
// plans its resizing from it. WEBP, which only the UI meets, is read in ui/image/image-info.ts.

export type PixelSize = { width: number; height: number } | undefined

export const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!
export const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!)

export function pngSize(b: Uint8Array): PixelSize {
  if (b.length < 24 || !startsWith(b, 12, ascii('IHDR'))) return undefined
  return { width: u32be(b, 16), height: u32be(b, 20) }
}

export function gifSize(b: Uint8Array): PixelSize {
  if (b.length < 10) return undefined
  return { width: u16le(b, 6), height: u16le(b, 8) }
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

export function jpegSize(b: Uint8Array): PixelSize {
  let i = 2
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1]!
    if (marker === 0xff) {
      i++ // fill byte
      continue
    }
    // markers without a length field
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      i += 2
      continue
    }
    if (marker === 0xda || marker === 0xd9) return undefined // image data began before any frame header
    if (isStartOfFrame(marker)) {
      if (i + 8 >= b.length) return undefined
      return { width: u16be(b, i + 7), height: u16be(b, i + 5) }
    }
    i += 2 + u16be(b, i + 2)
  }
  return undefined
}
