import { unionOf, LAYOUT, type Rect } from './run-layout'
import { moveTo } from './position'
import type { RunContainer } from './run-registry'

// Gives a run's section a new page-space rectangle while everything in it stays exactly where
// it is on the page: whether moving a section carries its children along is not documented,
// so each child is put back at its own place afterwards.

function boxOf(node: SceneNode): Rect | null {
  return 'absoluteBoundingBox' in node ? node.absoluteBoundingBox : null
}

export function moveContainer(container: RunContainer, rect: Rect): void {
  const kept = container.children.map((child) => ({ child, box: boxOf(child) }))
  container.resizeWithoutConstraints(rect.width, rect.height)
  moveTo(container, rect.x, rect.y)
  for (const { child, box } of kept) if (box && 'x' in child) moveTo(child, box.x, box.y)
}

/** The rectangle that holds `rects` with the run's padding around them. */
export function paddedAround(rects: readonly Rect[]): Rect | null {
  const area = unionOf(rects)
  const pad = LAYOUT.padding
  return area && { x: area.x - pad, y: area.y - pad, width: area.width + 2 * pad, height: area.height + 2 * pad }
}

/** Shrinks the section to what it holds, so a cancelled or half-failed run leaves no empty room. */
export function shrinkToContent(container: RunContainer): void {
  const rect = paddedAround(container.children.flatMap((child) => boxOf(child) ?? []))
  if (rect) moveContainer(container, rect)
}
