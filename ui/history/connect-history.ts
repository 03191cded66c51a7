import { effect } from '../lib/signals'

import type { PluginToUi } from '../../src/common/protocol'
import type { RunController } from '../generation/run-controller'
import type { HistoryState } from './history-state'
import type { RunRecorder } from './run-recorder'

// Keeps History in step: asks the sandbox for it once `init` has come, mirrors every
// `history` reply, and records each run when it ends.

export interface ConnectHistoryDeps {
  subscribe(listener: (message: PluginToUi) => void): () => void
  send(message: { type: 'history-list' }): boolean
  controller: Pick<RunController, 'run'>
  recorder: RunRecorder
  history: HistoryState
}

export function connectHistory({ subscribe, send, controller, recorder, history }: ConnectHistoryDeps): () => void {
  const unsubscribe = subscribe((message) => {
    if (message.type === 'init') send({ type: 'history-list' })
    if (message.type === 'history') {
      history.entries.value = message.entries
      history.spend.value = message.spend
      history.loaded.value = true
    }
  })
  const stop = effect(() => {
    const run = controller.run.value
    if (!run) return
    if (run.phase === 'done' || run.phase === 'cancelled' || run.phase === 'failed' || run.phase === 'interrupted') void recorder.finish(run.runId, run.slots.length)
  })
  return () => {
    unsubscribe()
    stop()
  }
}
