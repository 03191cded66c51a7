// Watching the canvas while a run is under way: which of a run's slots hold an image yet, so
// a test can see placeholders first and their fill order. Issue 5's browser tests use it.
import type { DumpedNode } from '../../host/page/document-dump'
import { dump } from './plugin-ui'
import type { HostPage } from './host-page'

export const GENERATING = /^Generating \d+ of \d+…$/

export interface SlotView {
  id: string
  name: string
  filled: boolean
  absolute: DumpedNode['absolute']
}

/** The rectangles inside `sectionId`, in slot order (left to right, then down). */
export function slotsIn(nodes: DumpedNode[], sectionId: string): SlotView[] {
  return nodes
    .filter((node) => node.parentId === sectionId && node.type === 'RECTANGLE')
    .map((node) => ({ id: node.id, name: node.name, filled: node.fills.some((fill) => fill.type === 'IMAGE'), absolute: node.absolute }))
    .sort((a, b) => a.absolute.y - b.absolute.y || a.absolute.x - b.absolute.x)
}

export function sections(nodes: DumpedNode[]): DumpedNode[] {
  return nodes.filter((node) => node.type === 'SECTION' && node.pluginData.run)
}

/**
 * Polls until every slot of the newest run section is filled; returns the order in which the
 * slots filled (slot positions) and what the section looked like before the first one did.
 */
export async function watchRun(host: HostPage, known: number, timeoutMs = 20_000): Promise<{ sectionId: string; before: SlotView[]; fillOrder: number[]; sawPartial: boolean }> {
  const deadline = Date.now() + timeoutMs
  let before: SlotView[] | null = null
  let sectionId: string | null = null
  const fillOrder: number[] = []
  let sawPartial = false
  for (;;) {
    const nodes = await dump(host)
    const runs = sections(nodes)
    if (runs.length > known) {
      sectionId ??= runs[runs.length - 1]!.id
      const slots = slotsIn(nodes, sectionId)
      if (!before && slots.length > 0) before = slots
      slots.forEach((slot, index) => {
        if (slot.filled && !fillOrder.includes(index)) fillOrder.push(index)
      })
      const filled = slots.filter((slot) => slot.filled).length
      if (filled > 0 && filled < slots.length) sawPartial = true
      if (slots.length > 0 && filled === slots.length) return { sectionId, before: before ?? slots, fillOrder, sawPartial }
    }
    if (Date.now() > deadline) throw new Error(`run not filled after ${timeoutMs} ms; fill order so far ${JSON.stringify(fillOrder)}`)
    await host.page.waitForTimeout(40)
  }
}
