import { effect } from '../lib/signals'

import type { PluginToUi, UiToPlugin } from '../../src/common/protocol'
import { browserTimers, type Timers } from '../bridge/bridge'
import type { RunController } from '../generation/run-controller'
import { runProblem } from '../generation/validate-run'
import { estimateText, quickStartText } from '../history/cost-text'
import type { HistoryState } from '../history/history-state'
import type { RunRecorder } from '../history/run-recorder'
import type { AppActions } from '../state/app-actions'
import type { AppState } from '../state/app-state'
import { readiness } from '../state/readiness'
import { readSettings } from '../state/settings'
import { needsConfirmation } from '../state/spend-confirm'
import { blockedText, finishedText } from './quick-run-text'

// "Generate from selection" from Quick Actions: the sandbox opens this UI hidden with the
// typed prompt; it runs with the last settings on the current selection as soon as the
// reference images are in, records the run in History, and asks the sandbox to close with
// a toast that says what happened. Before it sends anything a toast says how many images it
// makes and about what they cost; a run above the designer's confirmation threshold is not
// made hidden, where nobody could confirm it.

export const QUICK_COMMAND = 'generate'
/** Exports of large frames can take a while; past this, say so instead of hanging hidden. */
export const REFERENCES_WAIT_MS = 30_000

export interface QuickRunDeps {
  state: AppState
  controller: Pick<RunController, 'run'>
  actions: Pick<AppActions, 'generate'>
  recorder: Pick<RunRecorder, 'finish'>
  history: Pick<HistoryState, 'spend'>
  send(message: UiToPlugin): boolean
  subscribe(listener: (message: PluginToUi) => void): () => void
  timers?: Timers
}

export function connectQuickRun(deps: QuickRunDeps): () => void {
  const { state } = deps
  const timers = deps.timers ?? browserTimers
  let stopWatching: (() => void) | null = null
  let timer: unknown = null
  let settled = false

  function close(message: string): void {
    deps.send({ type: 'close-plugin', message })
  }

  function stop(): void {
    settled = true
    stopWatching?.()
    stopWatching = null
    if (timer !== null) timers.clearTimeout(timer)
    timer = null
  }

  async function run(): Promise<void> {
    const prompt = state.prompt.value.trim()
    deps.send({ type: 'notify', message: quickStartText(state.count.value, deps.history.spend.value.lastPricePerImage) })
    await deps.actions.generate()
    const result = deps.controller.run.value
    if (!result) {
      close(blockedText(state.notice.value?.message ?? 'the run could not start'))
      return
    }
    await deps.recorder.finish(result.runId, result.slots.length)
    close(finishedText(result, prompt))
  }

  function largeRunProblem(): string | null {
    const count = state.count.value
    if (!needsConfirmation(count, state.settings.value.confirmAbove)) return null
    return `${estimateText(count, deps.history.spend.value.lastPricePerImage)} needs confirming; run it from the plugin window`
  }

  function watch(): void {
    // Runs whenever the selection or its images change, until the run starts or is refused.
    stopWatching = effect(() => {
      if (settled) return
      const selection = state.selection.value
      const ready = readiness(state)
      if (selection.selectionId < 0) return
      if (ready.references.some((ref) => !ref.bytes)) return
      // a pinned board style rides along: wait until it is exported
      if (state.style.value && !state.style.value.item) return
      const problem = runProblem(ready) ?? largeRunProblem()
      stop()
      if (problem) close(blockedText(problem))
      else void run()
    })
    if (settled) return
    timer = timers.setTimeout(() => {
      if (settled) return
      stop()
      close(blockedText('the selected frames could not be exported in time'))
    }, REFERENCES_WAIT_MS)
  }

  const unsubscribe = deps.subscribe((message) => {
    if (message.type !== 'init' || message.command !== QUICK_COMMAND || stopWatching || settled) return
    // Without a prompt the window is shown (src/plugin.ts) and works as usual.
    if (!readSettings(message.settings).lastPrompt.trim()) return
    // "The last settings": the saved size stays, not one matched to the references.
    state.sizePicked.value = true
    watch()
  })

  return () => {
    unsubscribe()
    stop()
  }
}
