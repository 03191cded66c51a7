import type { Handlers } from '../messages/router'
import { placeResultFromUrl } from '../placement/place-result-url'
import type { PluginContext } from './context'

// Issue 6: results that must not be lost. URL output the UI could not download is fetched by
// Figma instead; a run's task is remembered from the moment it is sent, so a close mid-run can
// be recovered on the next launch (see README, "Closing mid-run").

type RecoveryHandlers = Pick<Handlers, 'place-result-url' | 'task-sent' | 'pending-run-cleared'>

const RUN_GONE = 'This run is no longer on the canvas: it ended or the plugin was restarted.'

export function createRecoveryHandlers(context: PluginContext): RecoveryHandlers {
  const { figma, post, registry, pendingRuns } = context

  return {
    async 'place-result-url'({ requestId, runId, index, url, record }) {
      const run = registry.get(runId)
      if (!run) {
        post({ type: 'request-failed', requestId, message: RUN_GONE })
        return
      }
      const secret = await context.apiKey.read()
      const outcome = await placeResultFromUrl(figma, run, index, url, record, secret)
      if (!outcome.ok) {
        post({ type: 'request-failed', requestId, message: outcome.message })
        return
      }
      // told first, recorded before the next message is handled (see run-handlers.ts)
      post({ type: 'result-placed', requestId, nodeId: outcome.node.id })
      await pendingRuns.markPlaced(runId, record.imageUUID)
    },

    async 'task-sent'({ runId, taskUUID }) {
      const run = registry.get(runId)
      if (!run) {
        console.warn(`task-sent for unknown run ${runId}`)
        return
      }
      await pendingRuns.add(taskUUID, run.plan)
    },

    async 'pending-run-cleared'({ taskUUID }) {
      await pendingRuns.removeTask(taskUUID)
    },
  }
}
