import { sniffFormat, startsWith } from '../../src/common/image-format'
import { base64ToBytes, splitDataUri } from './base64'
import type { InferenceResult } from './types'

// Is an image complete? A result cut short in transit still decodes as base64 but breaks (or
// silently half-renders) later on the canvas, so the client checks each inline result's
// signature and end marker before handing it on. Only the head and tail are decoded: results
// can be megabytes, and the UI iframe should not decode them twice. The format comes from the
// same signature sniffing the rest of the plugin uses (src/common/image-format.ts).

export type ImageFormat = 'JPG' | 'PNG' | 'WEBP'

export type ImageCheck = { ok: true; format: ImageFormat; byteLength: number } | { ok: false; reason: string }

const PNG_END = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82] // "IEND" and its fixed CRC

/** Checks a head (≥ 12 bytes), a tail (≥ 16 bytes) and the total length of one image file. */
export function checkImageParts(head: Uint8Array, tail: Uint8Array, byteLength: number): ImageCheck {
  const format = sniffFormat(head)
  if (format === 'PNG') {
    return startsWith(tail, tail.length - PNG_END.length, PNG_END)
      ? { ok: true, format: 'PNG', byteLength }
      : { ok: false, reason: 'PNG without its end chunk (cut short)' }
  }
  if (format === 'JPEG') {
    let end = tail.length
    while (end > 0 && tail[end - 1] === 0) end-- // some encoders pad after the end marker
    return tail[end - 2] === 0xff && tail[end - 1] === 0xd9
      ? { ok: true, format: 'JPG', byteLength }
      : { ok: false, reason: 'JPEG without its end marker (cut short)' }
  }
  if (format === 'WEBP') {
    const declared = (head[4]! | (head[5]! << 8) | (head[6]! << 16) | (head[7]! << 24)) >>> 0
    return byteLength >= declared + 8
      ? { ok: true, format: 'WEBP', byteLength }
      : { ok: false, reason: `WEBP of ${byteLength} bytes that declares ${declared + 8} (cut short)` }
  }
  return { ok: false, reason: 'not a PNG, JPEG or WEBP image' }
}

export function checkImageBytes(bytes: Uint8Array): ImageCheck {
  return checkImageParts(bytes.subarray(0, 16), bytes.subarray(Math.max(0, bytes.length - 24)), bytes.length)
}

/** Checks raw base64 image data without decoding all of it. */
export function checkBase64Image(base64: string): ImageCheck {
  // the copy without whitespace only when there is some: a result is a megabyte of base64
  const body = /\s/.test(base64) ? base64.replace(/\s+/g, '') : base64
  if (body.length < 32 || body.length % 4 !== 0) return { ok: false, reason: 'base64 data cut short' }
  try {
    const padding = body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0
    const head = base64ToBytes(body.slice(0, 24))
    const tail = base64ToBytes(body.slice(-32))
    return checkImageParts(head, tail, (body.length / 4) * 3 - padding)
  } catch {
    return { ok: false, reason: 'not valid base64' }
  }
}

export function checkDataUriImage(dataUri: string): ImageCheck {
  // the body's characters are checked where it is decoded (result-bytes.ts), not read twice
  const parsed = splitDataUri(dataUri)
  return parsed ? checkBase64Image(parsed.base64) : { ok: false, reason: 'not a base64 data URI' }
}

/** Why an inline result is incomplete, or undefined when it is whole (URL results are checked on download). */
export function inlineImageDamage(result: InferenceResult): string | undefined {
  const check = result.imageBase64Data
    ? checkBase64Image(result.imageBase64Data)
    : result.imageDataURI
      ? checkDataUriImage(result.imageDataURI)
      : undefined
  return check && !check.ok ? check.reason : undefined
}
