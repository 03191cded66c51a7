// Reads an encoded image's format and pixel size from its header alone (no decoding), in
// plain JS so it runs in the sandbox-like core, in Node and in the browser host. Product
// tests use it too, e.g. to check that an export or a transcoded result has the right size.
// createImage accepts PNG/JPEG/GIF only, WEBP is refused.

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'WEBP' | 'unknown'

export interface ImageInfo {
  format: ImageFormat
  // 0 when the header is truncated or does not state a size.
  width: number
  height: number
}

const UNKNOWN: ImageInfo = { format: 'unknown', width: 0, height: 0 }

export function readImageInfo(bytes: Uint8Array): ImageInfo {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return readPng(bytes)
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return readJpeg(bytes)
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') {
    return { format: 'GIF', width: u16le(bytes, 6), height: u16le(bytes, 8) }
  }
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return readWebp(bytes)
  return { ...UNKNOWN }
}

// PNG: the IHDR chunk comes first: length, "IHDR", width (BE u32), height (BE u32).
function readPng(bytes: Uint8Array): ImageInfo {
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return { format: 'PNG', width: 0, height: 0 }
  return { format: 'PNG', width: u32be(bytes, 16), height: u32be(bytes, 20) }
}

// JPEG: walk the marker segments to the first start-of-frame (SOF0–SOF15 except DHT C4,
// JPG C8 and DAC CC), whose payload is precision, height, width.
function readJpeg(bytes: Uint8Array): ImageInfo {
  let offset = 2
  while (offset + 3 < bytes.length) {
    if (bytes[offset] !== 0xff) break
    const marker = bytes[offset + 1]!
    if (marker === 0xff) { offset++; continue }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { offset += 2; continue }
    if (marker === 0xd9 || marker === 0xda) break
    const length = u16be(bytes, offset + 2)
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isSof) {
      if (offset + 9 > bytes.length) break
      return { format: 'JPEG', width: u16be(bytes, offset + 7), height: u16be(bytes, offset + 5) }
    }
    offset += 2 + length
  }
  return { format: 'JPEG', width: 0, height: 0 }
}

// WEBP: RIFF container; the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended).
function readWebp(bytes: Uint8Array): ImageInfo {
  const chunk = ascii(bytes, 12, 4)
  const none = { format: 'WEBP' as const, width: 0, height: 0 }
  if (chunk === 'VP8 ' && bytes.length >= 30 && startsWith(bytes.subarray(23), [0x9d, 0x01, 0x2a])) {
    return { format: 'WEBP', width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff }
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = (bytes[21]! | (bytes[22]! << 8) | (bytes[23]! << 16) | (bytes[24]! << 24)) >>> 0
    return { format: 'WEBP', width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return { format: 'WEBP', width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 }
  }
  return none
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte)
}

function ascii(bytes: Uint8Array, offset: number, length: number): string {
  if (bytes.length < offset + length) return ''
  return String.fromCharCode(...bytes.subarray(offset, offset + length))
}

function u16le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8)
}

function u16be(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] ?? 0) << 8) | (bytes[offset + 1] ?? 0)
}

function u24le(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] ?? 0) | ((bytes[offset + 1] ?? 0) << 8) | ((bytes[offset + 2] ?? 0) << 16)
}

function u32be(bytes: Uint8Array, offset: number): number {
  return (((bytes[offset] ?? 0) << 24) | ((bytes[offset + 1] ?? 0) << 16) | ((bytes[offset + 2] ?? 0) << 8) | (bytes[offset + 3] ?? 0)) >>> 0
}
