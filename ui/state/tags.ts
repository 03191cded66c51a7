import type { GenerationRecord } from '../../src/common/generation-record'
import { referenceTags } from '../lib/reference-tags'
import type { AppState } from './app-state'
import { sentItems } from './sent-items'

// Which `@tag` names each reference: the tag the designer gave it, else the one its layer name
// gives. Chosen tags are kept per node, so a reference keeps its tag while it stays selected
// and gets it back when selected again.

/** The tags of the references the next run sends, by position; a pinned style's is its own. */
export function currentTags(state: AppState): string[] {
  const references = sentItems(state)
  const chosen = state.tagNames.value
  const style = state.style.value?.style
  return referenceTags(
    references.map((ref) => ref.name),
    references.map((ref) => chosen.get(ref.nodeId) ?? (ref.nodeId === style?.nodeId ? style.tag : undefined)),
  )
}

export function chooseTag(state: AppState, nodeId: string, tag: string): void {
  state.tagNames.value = new Map(state.tagNames.value).set(nodeId, tag)
}

/**
 * A record's tags, by position, for the references it came from (Reuse brings those back)
 * and for the references shown now (Variations runs on them), so its prompt's `@tag`s name
 * the same places.
 */
export function restoreTags(state: AppState, record: Partial<Pick<GenerationRecord, 'referenceNodeIds' | 'referenceTags'>>): void {
  const tags = record.referenceTags
  if (!tags) return
  const next = new Map(state.tagNames.value)
  const shown = sentItems(state)
  // the record's own nodes last: when they are the ones shown, their own tags win
  const ids = [...shown.map((ref) => ref.nodeId), ...(record.referenceNodeIds ?? [])]
  ids.forEach((nodeId, i) => {
    const tag = tags[i < shown.length ? i : i - shown.length]
    if (tag) next.set(nodeId, tag)
  })
  state.tagNames.value = next
}
