import { MAX_REFERENCES, type ReferenceMeta } from '../../src/common/protocol'

// Which references the next run sends, as pure data: every usable node the designer listed
// (by selecting it, or by "Use as reference", More like this and Reuse), and which of them are
// chosen. Only the designer changes it; the plugin's own selections leave it alone, so after
// a run the references are still that run's. A pinned board style takes one of the
// MAX_REFERENCES places and is never listed twice.

export interface ReferenceItem extends ReferenceMeta {
  /** The export pass whose bytes (or a later pass's) this reference is sent with. */
  passId: number
  /** That pass exports it at full size; otherwise only a preview is coming and the UI asks for more when it is chosen. */
  full: boolean
  /** A node gone from the file, sent as the image Runware still holds from an earlier upload. */
  imageUUID?: string
}

export interface ReferenceSet {
  /** What the panel lists, in canvas order. */
  candidates: readonly ReferenceItem[]
  /** Node ids of the chosen candidates, oldest choice first. */
  chosen: readonly string[]
}

export const NO_REFERENCES: ReferenceSet = { candidates: [], chosen: [] }

/** How many candidates can be chosen next to a pinned style. */
export function roomBeside(styleNodeId: string | null): number {
  return MAX_REFERENCES - (styleNodeId ? 1 : 0)
}

/** The first `room` of these, in their order, chosen: a fresh selection or a run's references. */
export function listed(items: readonly ReferenceItem[], styleNodeId: string | null): ReferenceSet {
  const candidates = items.filter((item) => item.nodeId !== styleNodeId)
  return { candidates, chosen: candidates.slice(0, roomBeside(styleNodeId)).map((item) => item.nodeId) }
}

/** Chooses or unchooses one candidate; choosing past `room` lets the longest-chosen one go. */
export function toggled(set: ReferenceSet, nodeId: string, room: number): ReferenceSet {
  if (set.chosen.includes(nodeId)) return { ...set, chosen: set.chosen.filter((id) => id !== nodeId) }
  if (!set.candidates.some((item) => item.nodeId === nodeId)) return set
  const chosen = [...set.chosen, nodeId]
  return { ...set, chosen: chosen.slice(Math.max(0, chosen.length - room)) }
}

/** Lists `item` (replacing an older listing of the same node) and chooses it. */
export function added(set: ReferenceSet, item: ReferenceItem, room: number): ReferenceSet {
  const known = set.candidates.some((old) => old.nodeId === item.nodeId)
  const candidates = known ? set.candidates.map((old) => (old.nodeId === item.nodeId ? item : old)) : [...set.candidates, item]
  const chosen = [...set.chosen.filter((id) => id !== item.nodeId), item.nodeId]
  return { candidates, chosen: chosen.slice(Math.max(0, chosen.length - room)) }
}

/** Newer listings of nodes already listed (a refresh, a full export of a preview), nothing else changed. */
export function updated(set: ReferenceSet, items: readonly ReferenceItem[]): ReferenceSet {
  const fresh = new Map(items.map((item) => [item.nodeId, item]))
  return { ...set, candidates: set.candidates.map((old) => fresh.get(old.nodeId) ?? old) }
}

/** Keeps at most `room` chosen (a style was just pinned): the earliest choices stay. */
export function fitted(set: ReferenceSet, room: number, styleNodeId: string | null): ReferenceSet {
  const candidates = set.candidates.filter((item) => item.nodeId !== styleNodeId)
  return { candidates, chosen: set.chosen.filter((id) => id !== styleNodeId).slice(0, room) }
}

/** The chosen candidates in canvas order: the order they are sent in. */
export function chosenItems(set: ReferenceSet): ReferenceItem[] {
  return set.candidates.filter((item) => set.chosen.includes(item.nodeId))
}

/** Items from export-pass metadata; a selection pass exports its first MAX_REFERENCES at full size. */
export function itemsOf(metas: readonly ReferenceMeta[], passId: number, fullCount = metas.length): ReferenceItem[] {
  return metas.map((meta, index) => ({ ...meta, passId, full: index < fullCount }))
}
