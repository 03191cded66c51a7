// Which image a byte array holds, from its magic numbers, and its pixel size from the header.
// Figma's createImage takes PNG, JPEG and GIF only, and Runware may send WEBP, so the UI sniffs
// every result before it goes to the sandbox, and the sandbox checks again before createImage.
// Shared by both sides; nothing here decodes pixels.

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'WEBP'

export interface ImageInfo {
  format: ImageFormat
  /** Absent when the header is truncated or of a kind this reader does not know. */
  width?: number
  height?: number
}

const MIME: Record<ImageFormat, string> = {
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  WEBP: 'image/webp',
}

export function mimeOf(format: ImageFormat): string {
  return MIME[format]
}

function startsWith(bytes: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((value, i) => bytes[at + i] === value)
}

function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0))
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const GIF87 = ascii('GIF87a')
const GIF89 = ascii('GIF89a')
const RIFF = ascii('RIFF')
const WEBP = ascii('WEBP')

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, 0, PNG)) return 'PNG'
  if (startsWith(bytes, 0, JPEG)) return 'JPEG'
  if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) return 'GIF'
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return 'WEBP'
  return null
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8)
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)
const u32be = (b: Uint8Array, i: number) => ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!)

type Size = { width: number; height: number } | undefined

function pngSize(b: Uint8Array): Size {
  if (b.length < 24 || !startsWith(b, 12, ascii('IHDR'))) return undefined
  return { width: u32be(b, 16), height: u32be(b, 20) }
}

function gifSize(b: Uint8Array): Size {
  if (b.length < 10) return undefined
  return { width: u16le(b, 6), height: u16le(b, 8) }
}

// Start-of-frame markers carry the size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but don't.
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
}

function jpegSize(b: Uint8Array): Size {
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

function webpSize(b: Uint8Array): Size {
  if (b.length < 30) return undefined
  if (startsWith(b, 12, ascii('VP8 ')) && startsWith(b, 23, [0x9d, 0x01, 0x2a])) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  }
  if (startsWith(b, 12, ascii('VP8L')) && b[20] === 0x2f) {
    const b1 = b[21]!
    const b2 = b[22]!
    const b3 = b[23]!
    const b4 = b[24]!
    return {
      width: 1 + (((b2 & 0x3f) << 8) | b1),
      height: 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)),
    }
  }
  if (startsWith(b, 12, ascii('VP8X'))) {
    return { width: 1 + u24le(b, 24), height: 1 + u24le(b, 27) }
  }
  return undefined
}

const SIZE_READERS: Record<ImageFormat, (b: Uint8Array) => Size> = {
  PNG: pngSize,
  JPEG: jpegSize,
  GIF: gifSize,
  WEBP: webpSize,
}

/** Format and, when the header says, pixel size; null when the bytes are no image we know. */
export function readImageInfo(bytes: Uint8Array): ImageInfo | null {
  const format = sniffFormat(bytes)
  if (!format) return null
  const size = SIZE_READERS[format](bytes)
  return size ? { format, width: size.width, height: size.height } : { format }
}
