import { shrinkToContent } from './fit-container'
import { removePlaceholder } from './placeholders'
import type { Run } from './run-registry'

// Closes a run on the canvas: no placeholder may stay looking like it is still working, and
// a section that received nothing goes too, and one that received less than planned shrinks
// to what it holds.

export function dropSlot(run: Run, index: number): boolean {
  const slot = run.slots[index]
  if (!slot || slot.state === 'placed') return false
  removePlaceholder(slot)
  slot.state = 'failed'
  return true
}

/** Clears what is unfilled and returns the placed nodes still on the canvas. */
export function endRun(run: Run): RectangleNode[] {
  // dropSlot leaves placed slots alone
  for (const slot of run.slots) dropSlot(run, slot.index)
  const placed = run.slots.filter((slot) => slot.state === 'placed' && !slot.node.removed).map((slot) => slot.node)
  const container = run.container
  // Only an empty one: the designer may have dropped something of their own into it.
  if (!container.removed) {
    if (placed.length === 0 && container.children.length === 0) container.remove()
    else if (placed.length < run.slots.length) shrinkToContent(container)
  }
  return placed
}
