import type { Handlers } from '../messages/router'
import { placeResultFromUrl } from '../placement/place-result-url'
import type { PluginContext } from './context'
import { placeInRun } from './place-in-run'

// Results that must not be lost. URL output the UI could not download is fetched by
// Figma instead; a run's task is remembered from the moment it is sent, so a close mid-run can
// be recovered on the next launch (docs/faults.md, "Closing mid-run").

const NOT_SAVED = 'Figma could not save this run for recovery.'

type RecoveryHandlers = Pick<Handlers, 'place-result-url' | 'task-sent' | 'pending-run-cleared'>

export function createRecoveryHandlers(context: PluginContext): RecoveryHandlers {
  const { figma, post, registry, pendingRuns } = context

  return {
    async 'place-result-url'(message) {
      const { index, url, record } = message
      await placeInRun(context, message, (run, secret) => placeResultFromUrl(figma, run, index, url, record, secret))
    },

    async 'task-sent'({ requestId, runId, taskUUID }) {
      const run = registry.get(runId)
      if (!run) {
        post({ type: 'request-failed', requestId, message: 'This run is no longer on the canvas.' })
        return
      }
      if (await pendingRuns.add(taskUUID, run.plan, run.container.id)) post({ type: 'task-saved', requestId })
      else post({ type: 'request-failed', requestId, message: NOT_SAVED })
    },

    async 'pending-run-cleared'({ taskUUID }) {
      await pendingRuns.removeTask(taskUUID)
    },
  }
}
