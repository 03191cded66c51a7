import type { ReferenceItem } from '../references/reference-set'
import { runProblem, type RunReadiness, type RunReference } from '../generation/validate-run'
import type { AppState } from './app-state'
import { sentItems } from './sent-items'
import { currentTags } from './tags'

// What the form holds, in the shape the run controller checks, and the first reason it
// cannot run yet (shown under the Generate button).

/** Full-size bytes no older than the reference's own pass; a preview or stale bytes are not sent. */
export function freshBytes(state: AppState, item: ReferenceItem): Uint8Array | undefined {
  const image = state.images.value.get(item.nodeId)
  return image && !image.preview && image.selectionId >= item.passId ? image.bytes : undefined
}

export function readiness(state: AppState): RunReadiness {
  const references = sentItems(state).map((item): RunReference => {
    const bytes = freshBytes(state, item)
    if (item.imageUUID) return { nodeId: item.nodeId, imageUUID: item.imageUUID }
    return bytes ? { nodeId: item.nodeId, bytes } : { nodeId: item.nodeId }
  })
  return {
    apiKey: state.apiKey.value,
    consentGiven: state.settings.value.consentGiven,
    references,
    prompt: state.prompt.value,
    size: state.size.value,
    count: state.count.value,
    tags: currentTags(state),
  }
}

export function generateBlocker(state: AppState): string | null {
  return runProblem(readiness(state))
}
