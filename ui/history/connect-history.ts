import { effect } from '../lib/signals'

import type { PluginToUi } from '../../src/common/protocol'
import { hideSecret } from '../../src/common/secret'
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
  /** The API key, hidden from any prompt shown (entries holding it are never written). */
  secret(): string | null
}

export function connectHistory({ subscribe, send, controller, recorder, history, secret }: ConnectHistoryDeps): () => void {
  const unsubscribe = subscribe((message) => {
    if (message.type === 'init') send({ type: 'history-list' })
    if (message.type === 'history') {
      const key = secret()
      history.entries.value = message.entries.map((entry) => ({ ...entry, prompt: hideSecret(entry.prompt, key) }))
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
