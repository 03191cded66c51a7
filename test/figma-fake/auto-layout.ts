// A minimal auto-layout: enough for positions and hug sizes to be right in the cases the
// plugin meets (a row or column of nodes with padding and spacing).
// Children of auto-layout frames ignore x/y (layoutPositioning 'ABSOLUTE' opts out);
// turning auto-layout off keeps the computed positions. Not modelled: wrapping, FILL
// sizing, baseline alignment, GRID (refused by the frame), strokes in layout.

export interface FlowSpec {
  mode: 'HORIZONTAL' | 'VERTICAL'
  paddingLeft: number
  paddingRight: number
  paddingTop: number
  paddingBottom: number
  itemSpacing: number
  primaryAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'SPACE_BETWEEN'
  counterAxisAlignItems: 'MIN' | 'CENTER' | 'MAX' | 'BASELINE'
  primaryAxisSizingMode: 'FIXED' | 'AUTO'
  counterAxisSizingMode: 'FIXED' | 'AUTO'
  // The frame's stored size, used on FIXED axes.
  width: number
  height: number
}

export interface FlowResult {
  width: number
  height: number
  positions: Array<{ x: number; y: number }>
}

export function flow(spec: FlowSpec, items: Array<{ width: number; height: number }>): FlowResult {
  const horizontal = spec.mode === 'HORIZONTAL'
  const along = (s: { width: number; height: number }): number => (horizontal ? s.width : s.height)
  const across = (s: { width: number; height: number }): number => (horizontal ? s.height : s.width)
  const startPad = horizontal ? spec.paddingLeft : spec.paddingTop
  const endPad = horizontal ? spec.paddingRight : spec.paddingBottom
  const crossStart = horizontal ? spec.paddingTop : spec.paddingLeft
  const crossEnd = horizontal ? spec.paddingBottom : spec.paddingRight

  const content = items.reduce((sum, item) => sum + along(item), 0) + spec.itemSpacing * Math.max(0, items.length - 1)
  const crossContent = Math.max(0, ...items.map(across))
  const fixed = { width: spec.width, height: spec.height }
  const primarySize = spec.primaryAxisSizingMode === 'AUTO' ? startPad + content + endPad : along(fixed)
  const counterSize = spec.counterAxisSizingMode === 'AUTO' ? crossStart + crossContent + crossEnd : across(fixed)

  const free = primarySize - startPad - endPad - content
  let cursor = startPad
  let gap = spec.itemSpacing
  if (spec.primaryAxisAlignItems === 'CENTER') cursor += free / 2
  if (spec.primaryAxisAlignItems === 'MAX') cursor += free
  if (spec.primaryAxisAlignItems === 'SPACE_BETWEEN' && items.length > 1) gap += free / (items.length - 1)

  const crossRoom = counterSize - crossStart - crossEnd
  const positions = items.map((item) => {
    const crossFree = crossRoom - across(item)
    const cross = crossStart + (spec.counterAxisAlignItems === 'CENTER' ? crossFree / 2 : spec.counterAxisAlignItems === 'MAX' ? crossFree : 0)
    const main = cursor
    cursor += along(item) + gap
    return horizontal ? { x: main, y: cross } : { x: cross, y: main }
  })
  return horizontal
    ? { width: primarySize, height: counterSize, positions }
    : { width: counterSize, height: primarySize, positions }
}
