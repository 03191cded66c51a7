import { MAX_REFERENCES } from '../../src/common/protocol'
import { runProblem, type RunReadiness } from '../generation/validate-run'
import type { AppState } from './app-state'
import { currentTags } from './tags'

// What the form holds, in the shape the run controller checks, and the first reason it
// cannot run yet (shown under the Generate button).

export function readiness(state: AppState): RunReadiness {
  const selection = state.selection.value
  const images = state.images.value
  const references =
    selection.state === 'ok'
      ? selection.references.map((ref) => {
          const image = images.get(ref.nodeId)
          // bytes exported for an older selection may be stale: wait for the fresh ones
          const fresh = image && image.selectionId === selection.selectionId ? image.bytes : undefined
          return fresh ? { nodeId: ref.nodeId, bytes: fresh } : { nodeId: ref.nodeId }
        })
      : []
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
  const problem = runProblem(readiness(state))
  const selection = state.selection.value
  if (problem && selection.state === 'too-many' && state.apiKey.value && state.settings.value.consentGiven) {
    return `Select at most ${MAX_REFERENCES} frames`
  }
  return problem
}
