// Reads an image's format and pixel size from its header, without decoding it, so a result
// Figma would refuse gets a message a designer can act on instead of Figma's terse one.
// figma-platform.md §4: createImage takes PNG, JPEG or GIF only, at most 4096 px per side.

export const MAX_IMAGE_SIDE = 4096

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'WEBP'

export interface ImageHeader {
  format: ImageFormat
  width: number
  height: number
}

export type ImageCheck = { ok: true; header: ImageHeader } | { ok: false; message: string }

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function startsWith(bytes: Uint8Array, prefix: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false
  return prefix.every((value, i) => bytes[offset + i] === value)
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

function u16le(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8)
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!
}

function readPng(bytes: Uint8Array): ImageHeader | undefined {
  // The IHDR chunk always comes first: width and height are its first two fields.
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return undefined
  return { format: 'PNG', width: u32be(bytes, 16), height: u32be(bytes, 20) }
}

function readJpeg(bytes: Uint8Array): ImageHeader | undefined {
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined
    const marker = bytes[at + 1]!
    // Fill bytes and markers without a length (TEM, RSTn) carry no payload.
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    const length = u16be(bytes, at + 2)
    // SOF0–SOF15 hold the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    const isFrameHeader = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrameHeader) {
      if (at + 9 > bytes.length) return undefined
      return { format: 'JPEG', height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) }
    }
    if (marker === 0xd9 || marker === 0xda) return undefined
    at += 2 + length
  }
  return undefined
}

function readGif(bytes: Uint8Array): ImageHeader | undefined {
  if (bytes.length < 10) return undefined
  return { format: 'GIF', width: u16le(bytes, 6), height: u16le(bytes, 8) }
}

/** The format and size written in the header, or undefined when the bytes are no image we know. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return readPng(bytes)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes)
  const gifTag = bytes.length >= 6 ? ascii(bytes, 0, 6) : ''
  if (gifTag === 'GIF87a' || gifTag === 'GIF89a') return readGif(bytes)
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    // Recognised only to name it in the message: Figma cannot place WEBP.
    return { format: 'WEBP', width: 0, height: 0 }
  }
  return undefined
}

/** Whether Figma's createImage will take these bytes, with a designer-readable reason if not. */
export function checkImageBytes(bytes: Uint8Array): ImageCheck {
  if (bytes.length === 0) return { ok: false, message: 'The image arrived empty, so there is nothing to place.' }
  const header = readImageHeader(bytes)
  if (!header) {
    return { ok: false, message: 'The image is not a PNG, JPEG or GIF, so Figma cannot place it.' }
  }
  if (header.format === 'WEBP') {
    return { ok: false, message: 'The image is a WEBP, which Figma cannot place. Choose PNG or JPG output.' }
  }
  if (header.width < 1 || header.height < 1) {
    return { ok: false, message: `The ${header.format} image has no pixels, so there is nothing to place.` }
  }
  if (header.width > MAX_IMAGE_SIDE || header.height > MAX_IMAGE_SIDE) {
    return {
      ok: false,
      message: `The image is ${header.width}×${header.height} px; Figma places images up to ${MAX_IMAGE_SIDE} px per side.`,
    }
  }
  return { ok: true, header }
}
