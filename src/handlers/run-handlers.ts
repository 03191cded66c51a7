import type { Handlers } from '../messages/router'
import { dropSlot, endRun } from '../placement/end-run'
import { placeResult } from '../placement/place-result'
import { reveal } from '../placement/reveal'
import { unionOf } from '../placement/run-layout'
import { startRun } from '../placement/start-run'
import { shorten } from '../common/shorten'
import type { PluginContext } from './context'
import { notify } from './context'
import { placeInRun } from './place-in-run'

// A run's life on the canvas: placeholders at once, each result as it arrives, then one
// clean end. The run is held by id, so selection changes meanwhile do not disturb it.

type RunHandlers = Pick<Handlers, 'run-start' | 'place-result' | 'result-failed' | 'run-end'>

export function createRunHandlers(context: PluginContext): RunHandlers {
  const { figma, post, registry } = context

  return {
    async 'run-start'({ requestId, plan }) {
      const secret = await context.apiKey.read()
      const started = await startRun({ ...context, secret }, plan)
      if (!started.ok) {
        post({ type: 'request-failed', requestId, message: started.message })
        return
      }
      post({ type: 'run-started', requestId, slotNodeIds: started.run.slots.map((slot) => slot.node.id) })
    },

    async 'place-result'(message) {
      const { index, image, record } = message
      await placeInRun(context, message, (run, secret) => placeResult(figma, run, index, image, record, secret))
    },

    'result-failed'({ runId, index }) {
      const run = registry.get(runId)
      if (!run) {
        console.warn(`result-failed for unknown run ${runId}`)
        return
      }
      // The UI shows the reason; the canvas only loses the placeholder.
      dropSlot(run, index)
    },

    async 'run-end'({ runId, outcome }) {
      const run = registry.get(runId)
      if (!run) {
        console.warn(`run-end for unknown run ${runId}`)
        return
      }
      registry.delete(runId)
      // Ended: nothing is left to recover, unless the connection went while the task may still
      // be running at Runware (interrupted): then its entry stays until Runware answers for it.
      if (outcome !== 'interrupted') await context.pendingRuns.removeRun(runId)
      const placed = endRun(run)
      if (placed.length > 0 && run.page === figma.currentPage) {
        // the plugin's own selection: the next run keeps the references the designer chose
        context.watcher.markOwn(placed)
        figma.currentPage.selection = placed
        // Usually in view already, since the run was shown at its start.
        const area = unionOf(placed.flatMap((node) => (node.absoluteBoundingBox ? [node.absoluteBoundingBox] : [])))
        if (area) reveal(figma, context.uiWindow, area, null)
      } else if (placed.length > 0 && !run.page.removed) {
        // The designer went to another page mid-run: switching back under them would be
        // rude, so the results wait selected on their own page and a toast says where.
        run.page.selection = placed
        notify(figma, `Results are on page “${shorten(run.page.name, 60)}”`)
      }
      // Without commitUndo one undo reverts everything the plugin
      // did; a checkpoint here makes the whole run one undo step.
      figma.commitUndo()
    },
  }
}
