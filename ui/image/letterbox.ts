// Runway refuses reference images whose aspect (width / height) is outside 0.5–2
// (Runway's input rules). Rather than crop a designer's frame, the plugin pads it onto a
// canvas just wide or tall enough to be accepted. Pure geometry; the drawing is elsewhere.

export const MIN_REFERENCE_ASPECT = 0.5
export const MAX_REFERENCE_ASPECT = 2

export interface Letterbox {
  /** Canvas size after padding (equal to the input when no padding is needed). */
  width: number
  height: number
  /** Where the original image sits on that canvas. */
  x: number
  y: number
  padded: boolean
}

export function needsLetterbox(width: number, height: number): boolean {
  const aspect = width / height
  return aspect > MAX_REFERENCE_ASPECT || aspect < MIN_REFERENCE_ASPECT
}

export function letterbox(width: number, height: number): Letterbox {
  if (!(width > 0 && height > 0)) throw new Error(`Cannot letterbox a ${width}×${height} image`)
  if (width / height > MAX_REFERENCE_ASPECT) {
    // too wide: add bars above and below; ceil keeps the result at or inside the limit
    const canvasHeight = Math.ceil(width / MAX_REFERENCE_ASPECT)
    return { width, height: canvasHeight, x: 0, y: Math.floor((canvasHeight - height) / 2), padded: true }
  }
  if (width / height < MIN_REFERENCE_ASPECT) {
    const canvasWidth = Math.ceil(height * MIN_REFERENCE_ASPECT)
    return { width: canvasWidth, height, x: Math.floor((canvasWidth - width) / 2), y: 0, padded: true }
  }
  return { width, height, x: 0, y: 0, padded: false }
}
