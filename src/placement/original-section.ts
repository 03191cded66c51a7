import type { RunPlan } from '../common/protocol'
import { readRecord } from '../records/record-node'
import { moveContainer, paddedAround } from './fit-container'
import { decodeRunMarker } from './page-content'
import { pageOf } from './position'
import { LAYOUT, planRunLayout, unionOf, type Rect } from './run-layout'
import type { RunContainer } from './run-registry'
import { RUN_MARKER_KEY } from '../common/storage-keys'

// A recovered run lands in the section of the run it recovers, in the slots that run never
// filled, while that section is still in the file. The slots are found again from the images
// the section still holds (each knows its index from its record), since the section may have
// been moved or shrunk to what it held when the run was cut short.

export interface OriginalSection {
  container: RunContainer
  page: PageNode
  slots: Rect[]
}

type Target = NonNullable<RunPlan['target']>

/** Each slot of a run of `count`, placed relative to its first slot. */
function slotOffsets(plan: RunPlan, target: Target, captionSpace: number): Rect[] {
  return planRunLayout({ count: target.count, size: plan.size, sources: null, fallbackCentre: { x: 0, y: 0 }, occupied: [], previousRuns: [], captionSpace })
    .slots.map((slot, _, all) => ({ ...slot, x: slot.x - all[0]!.x, y: slot.y - all[0]!.y }))
}

export async function findOriginalSection(figma: PluginAPI, plan: RunPlan, captionSpace: number): Promise<OriginalSection | null> {
  const target = plan.target
  if (!target) return null
  const node = await figma.getNodeByIdAsync(target.sectionId)
  if (!node || node.removed || (node.type !== 'SECTION' && node.type !== 'FRAME')) return null
  const page = pageOf(node)
  const marker = decodeRunMarker(node.getPluginData(RUN_MARKER_KEY))
  if (!page || !marker) return null
  if (page !== figma.currentPage) await page.loadAsync()

  const offsets = slotOffsets(plan, target, captionSpace)
  // Where slot 0 sits now: measured from an image of the original run still in the section.
  let origin: { x: number; y: number } | null = null
  for (const child of node.children) {
    const record = readRecord(child)
    const box = child.absoluteBoundingBox
    const offset = record && record.runId === marker.runId ? offsets[record.index] : undefined
    if (box && offset) {
      origin = { x: box.x - offset.x, y: box.y - offset.y }
      break
    }
  }
  const box = node.absoluteBoundingBox
  if (!box) return null
  origin ??= { x: box.x + LAYOUT.padding, y: box.y + LAYOUT.padding }
  const at = origin
  const slots = target.indices.map((index) => ({ ...offsets[index]!, x: at.x + offsets[index]!.x, y: at.y + offsets[index]!.y }))
  // Grown back to hold the slots it gets again.
  moveContainer(node, unionOf([box, paddedAround(slots)!])!)
  return { container: node, page, slots }
}
