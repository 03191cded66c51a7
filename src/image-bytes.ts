// Reads an image's format and pixel size from its header, without decoding it, so a result
// Figma would refuse gets a message a designer can act on instead of Figma's terse one.
// createImage takes PNG, JPEG or GIF only (it refuses WEBP), at most 4096 px per side.

import { sniffFormat, type ImageFormat } from './common/image-format'
import { gifSize, jpegSize, pngSize } from './common/image-size'
import { tooLargeMessage } from './image-side-limit'

export interface ImageHeader {
  format: ImageFormat
  width: number
  height: number
}

export type ImageCheck = { ok: true; header: ImageHeader } | { ok: false; message: string }

/** The format and size written in the header, or undefined when the bytes are no image we know. */
export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  const format = sniffFormat(bytes)
  if (!format) return undefined
  // WEBP is recognised only so the message can name it: Figma cannot place WEBP at any size.
  if (format === 'WEBP') return { format, width: 0, height: 0 }
  // A known signature with an unreadable header is no image we can place.
  const size = (format === 'PNG' ? pngSize : format === 'JPEG' ? jpegSize : gifSize)(bytes)
  return size && { format, ...size }
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
  const tooLarge = tooLargeMessage(header)
  if (tooLarge) return { ok: false, message: tooLarge }
  return { ok: true, header }
}
