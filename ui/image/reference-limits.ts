import { needsLetterbox } from './letterbox'

// Limits a reference must meet before it goes to Runware, shared by the warnings in the
// reference strip and by the pipeline that fixes them, so what the UI promises is what happens.

/**
 * Runway refuses data URIs over 5 MB; 4 MB leaves room for the MB-vs-MiB ambiguity and the
 * JSON around it. Uploaded references are stored by Runware, but they fall back to inline
 * data URIs when the upload fails, so every reference is kept under this.
 */
export const MAX_REFERENCE_DATA_URI = 4_000_000

/**
 * A PNG past this many bytes is photographic content (flat UI frames at 2048 px stay well
 * under it), where a 0.92 JPEG looks the same and is several times lighter: it is what goes
 * up, so a designer's first run with new frames uploads in a fraction of the time. Lighter
 * PNGs go as they are, lossless.
 */
export const HEAVY_PNG_BYTES = 1_500_000

export function isHeavyPng(byteLength: number): boolean {
  return byteLength > HEAVY_PNG_BYTES
}

export type ReferenceWarning = 'padded' | 'jpeg'

export function referenceWarnings(pixelWidth: number, pixelHeight: number, byteLength?: number): ReferenceWarning[] {
  const warnings: ReferenceWarning[] = []
  if (needsLetterbox(pixelWidth, pixelHeight)) warnings.push('padded')
  if (byteLength !== undefined && isHeavyPng(byteLength)) warnings.push('jpeg')
  return warnings
}

export const WARNING_TEXT: Record<ReferenceWarning, string> = {
  padded: 'Aspect is outside 1:2–2:1: will be padded to fit',
  jpeg: 'Large image: sent as a high-quality JPEG to upload faster',
}
