// How much the network may hand the plugin for one result, checked before anything is decoded,
// so an absurd reply costs a clear message and not the iframe's memory. Imports nothing, so
// esbuild inlines the numbers where they are used.
//
// The model makes 16 sizes, the largest 1920×1080 (2 073 600 px). Figma holds images of at most
// 4096 px a side, so the pixel bound is 4096 × 4096: eight times the largest output, and the
// most a result can have and still be placed (scaled) at all; its RGBA decode is 64 MB.
// The byte bound is 20 MB: an uncompressed 16-bit RGBA PNG of 1920×1080, the heaviest encoding
// of the largest size, is 16.6 MB, and Runware's compressed PNGs are a small part of that.

/** A result whose header declares more pixels than this is refused before decoding. */
export const MAX_RESULT_PIXELS = 4096 * 4096
/** A result of more bytes than this is refused (downloads stop reading past it). */
export const MAX_RESULT_BYTES = 20 * 1024 * 1024
/** The base64 of MAX_RESULT_BYTES, plus room for a data URI's `data:image/…;base64,` head. */
export const MAX_RESULT_BASE64_CHARS = Math.ceil(MAX_RESULT_BYTES / 3) * 4 + 64
/** Ids (taskUUID, imageUUID, connectionSessionUUID) are UUIDs of 36 characters. */
export const MAX_ID_CHARS = 128
/** An image URL from Runware's image host is short; browsers cope with far longer ones. */
export const MAX_URL_CHARS = 8192
/** Error codes, types and statuses are single words; messages a sentence or two. */
export const MAX_CODE_CHARS = 128
export const MAX_MESSAGE_CHARS = 2000

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

/** The designer's message for a result over the byte bound. */
export function tooManyBytesMessage(bytes?: number): string {
  const size = bytes === undefined ? '' : ` (${megabytes(bytes)})`
  return `Runware sent an image larger than the plugin accepts${size}; the limit is ${megabytes(MAX_RESULT_BYTES)}. Generate it again.`
}

/** Why an image of this declared size is refused before decoding, or undefined when it is not. */
export function tooManyPixelsMessage({ width, height }: { width: number; height: number }): string | undefined {
  if (width * height <= MAX_RESULT_PIXELS) return undefined
  return `Runware sent an image of ${width}×${height} px, far more than the model makes; it was not opened. Generate it again.`
}
