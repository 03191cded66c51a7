import { ascii, sniffFormat, startsWith, type ImageFormat } from '../../src/common/image-format'
import { gifSize, jpegSize, pngSize, u16le, type PixelSize } from '../../src/common/image-size'

// An image's format and pixel size from its header, for every format the UI meets: the three
// Figma places (src/common/image-size.ts) and WEBP, which Runware may send and the UI turns
// into PNG or JPEG. Nothing here decodes pixels.

export interface ImageInfo {
  format: ImageFormat
  /** Absent when the header is truncated or of a kind this reader does not know. */
  width?: number
  height?: number
}

const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16)

function webpSize(b: Uint8Array): PixelSize {
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

const SIZE_READERS: Record<ImageFormat, (b: Uint8Array) => PixelSize> = {
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
