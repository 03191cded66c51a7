import type { GenerationRecord } from '../common/generation-record'
import type { PlaceResultOutcome } from '../placement/place-result'
import type { Run } from '../placement/run-registry'
import type { PluginContext } from './context'

// One result into a run held by id, whichever way its image came (bytes from the UI or a URL
// Figma fetches): the UI hears how it went, and a placed result is recorded as such so a
// recovery after a close does not place it twice.

const RUN_GONE = 'This run is no longer on the canvas: it ended or the plugin was restarted.'

export interface PlaceRequest {
  requestId: string
  runId: string
  record: GenerationRecord
}

export async function placeInRun(
  context: PluginContext,
  { requestId, runId, record }: PlaceRequest,
  place: (run: Run, secret: string | null) => PlaceResultOutcome | Promise<PlaceResultOutcome>,
): Promise<void> {
  const { post } = context
  const run = context.registry.get(runId)
  if (!run) {
    post({ type: 'request-failed', requestId, message: RUN_GONE })
    return
  }
  const outcome = await place(run, await context.apiKey.read())
  if (!outcome.ok) {
    post({ type: 'request-failed', requestId, message: outcome.message })
    return
  }
  // Told first: the image is on the canvas and the UI is waiting. The record of it is
  // written before the next message is handled (they are handled one at a time), so
  // `run-end` can never clear the pending run under this write.
  post({ type: 'result-placed', requestId, nodeId: outcome.node.id })
  // by taskUUID: a recovery places into a run of its own, and its placements count for the task
  await context.pendingRuns.markPlaced(record.taskUUID, record.imageUUID, record.index)
}
