import type { Handlers } from '../messages/router'
import { placeResultFromUrl } from '../placement/place-result-url'
import type { PluginContext } from './context'
import { placeInRun } from './place-in-run'

// Issue 6: results that must not be lost. URL output the UI could not download is fetched by
// Figma instead; a run's task is remembered from the moment it is sent, so a close mid-run can
// be recovered on the next launch (see README, "Closing mid-run").

type RecoveryHandlers = Pick<Handlers, 'place-result-url' | 'task-sent' | 'pending-run-cleared'>

export function createRecoveryHandlers(context: PluginContext): RecoveryHandlers {
  const { figma, registry, pendingRuns, post } = context

  return {
    async 'place-result-url'(message) {
      const { index, url, record } = message
      await placeInRun(context, message, (run, secret) => placeResultFromUrl(figma, run, index, url, record, secret))
    },

    async 'task-sent'({ runId, taskUUID }) {
      const run = registry.get(runId)
      if (!run) {
        console.warn(`task-sent for unknown run ${runId}`)
        return
      }
      if (!(await pendingRuns.add(taskUUID, run.plan, run.container.id))) post({ type: 'run-not-kept', runId })
    },

    async 'pending-run-cleared'({ taskUUID }) {
      await pendingRuns.removeTask(taskUUID)
    },
  }
}
