import type { GenerationRecord } from '../common/generation-record'
import { checkImageBytes } from '../image-bytes'
import { annotate } from '../records/annotate'
import { withoutSecret, writeRecord } from '../records/record-node'
import { reasonOf } from '../text'
import { addCaption } from './caption-layer'
import { createRunContainer, createSlotNode, labelText, removeLabel } from './placeholders'
import type { Run, Slot } from './run-registry'

// Puts one finished image into its slot: the node keeps exactly the planned size (the image
// fills it, never resizes it), loses its "generating" label, and gets the record and the
// relaunch buttons that make the next iteration one click away.

export type PlaceResultOutcome = { ok: true; node: RectangleNode } | { ok: false; message: string }

function ensureContainer(figma: PluginAPI, run: Run): Run['container'] {
  if (!run.container.removed) return run.container
  const { plan } = run
  run.container = createRunContainer(figma, run.page, run.containerRect, run.title, plan.runId, plan.referenceNodeIds)
  return run.container
}

/** The slot's node, made again at its planned place if the designer deleted it meanwhile. */
function ensureSlotNode(figma: PluginAPI, run: Run, slot: Slot): RectangleNode {
  if (!slot.node.removed) return slot.node
  removeLabel(slot)
  const containerWasKept = !run.container.removed
  const container = ensureContainer(figma, run)
  // Planned place relative to the section, so a section the designer moved keeps its layout.
  const at = containerWasKept ? container.absoluteBoundingBox : null
  const rect = at
    ? { ...slot.rect, x: at.x + slot.rect.x - run.containerRect.x, y: at.y + slot.rect.y - run.containerRect.y }
    : slot.rect
  // A removed node's properties cannot be read any more: the name is made afresh.
  slot.node = createSlotNode(figma, container, rect, labelText(slot.number, run.plan.target?.count ?? run.slots.length))
  return slot.node
}

export function placeResult(
  figma: PluginAPI,
  run: Run,
  index: number,
  image: Uint8Array,
  record: GenerationRecord,
  secret: string | null,
): PlaceResultOutcome {
  const refused = slotProblem(run, index)
  if (refused) return refused

  const check = checkImageBytes(image)
  if (!check.ok) return check
  let imageHash: string
  try {
    // createImage throws on bytes it cannot use; nothing is touched yet.
    imageHash = figma.createImage(image).hash
  } catch (error) {
    return { ok: false, message: `Figma could not use this image (${reasonOf(error)}).` }
  }
  return fillSlot(figma, run, index, imageHash, record, secret)
}

/** Why slot `index` cannot take a result, or undefined when it can. */
export function slotProblem(run: Run, index: number): { ok: false; message: string } | undefined {
  const slot = run.slots[index]
  if (!slot) return { ok: false, message: `This run makes ${run.slots.length} results; there is no result ${index + 1}.` }
  if (slot.state === 'placed') return { ok: false, message: `Result ${index + 1} is already on the canvas.` }
  return undefined
}

/** Fills a checked slot with an image Figma already holds (from createImage or createImageAsync). */
export function fillSlot(
  figma: PluginAPI,
  run: Run,
  index: number,
  imageHash: string,
  record: GenerationRecord,
  secret: string | null,
): PlaceResultOutcome {
  const slot = run.slots[index]!
  const node = ensureSlotNode(figma, run, slot)
  const { width, height } = run.plan.size
  if (node.width !== width || node.height !== height) node.resize(width, height)
  node.fills = [{ type: 'IMAGE', imageHash, scaleMode: 'FILL' }]
  removeLabel(slot)
  slot.state = 'placed'
  try {
    writeRecord(node, record, secret, slot.number)
    const safe = withoutSecret(record, secret)
    if (run.annotation) annotate(node, safe, run.annotation)
    if (run.plan.captions && run.font) addCaption(figma, run.container, node.absoluteBoundingBox ?? slot.rect, safe, slot.number, run.font)
  } catch (error) {
    // The image is paid for and on the canvas: a record that cannot be written must not
    // make the end of the run clear it away as unfilled.
    console.error(`record for result ${index + 1} not written:`, error)
  }
  return { ok: true, node }
}
