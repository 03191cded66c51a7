// How big a reference is exported. Runware keeps uploads at most 2048 px per side
// (Runware's imageUpload), so a longer side would only cost time and memory in the
// export (large exports hold up Figma's main thread); below 512 px the model
// has too little to see, so small layers are scaled up.

export const MIN_LONG_SIDE = 512
export const MAX_LONG_SIDE = 2048

export interface ExportPlan {
  /** The constraint to give exportAsync: SCALE, WIDTH or HEIGHT. */
  constraint: { type: 'SCALE' | 'WIDTH' | 'HEIGHT'; value: number }
  pixelWidth: number
  pixelHeight: number
}

function px(value: number): number {
  return Math.max(1, Math.round(value))
}

function fitLongSide(width: number, height: number, target: number): ExportPlan {
  // WIDTH/HEIGHT rather than a fractional SCALE: the long side then lands on exactly `target`.
  if (width >= height) {
    return { constraint: { type: 'WIDTH', value: target }, pixelWidth: target, pixelHeight: px((height * target) / width) }
  }
  return { constraint: { type: 'HEIGHT', value: target }, pixelWidth: px((width * target) / height), pixelHeight: target }
}

/** The export constraint for a node of `width` × `height` canvas units and the pixels it yields. */
export function planExport(width: number, height: number): ExportPlan {
  if (!(width > 0 && height > 0)) throw new RangeError(`Cannot export an empty area (${width}×${height})`)
  const longSide = Math.max(width, height)
  if (longSide > MAX_LONG_SIDE) return fitLongSide(width, height, MAX_LONG_SIDE)
  if (longSide < MIN_LONG_SIDE) return fitLongSide(width, height, MIN_LONG_SIDE)
  return { constraint: { type: 'SCALE', value: 1 }, pixelWidth: px(width), pixelHeight: px(height) }
}
