import { effect } from '../lib/signals'
import type { HistoryState } from '../history/history-state'
import type { AppState } from './app-state'
import { KEY_IDLE } from './key-check'

// A message belongs to the view it was said in and leaves with it: what Runware said of a key
// typed on the main card is not shown under Settings' own field, a notice about a reference
// is gone once Settings or History was opened, and History's "Selected 4 images" does not
// greet its next opening. A key check still under way stays: its answer is still to come.

export function connectMessageContexts(state: AppState, history: HistoryState): () => void {
  let shown: string | null = null
  return effect(() => {
    const view = state.view.value
    if (shown === null || shown === view) {
      shown = view
      return
    }
    shown = view
    if (state.keyCheck.value.phase !== 'checking') state.keyCheck.value = KEY_IDLE
    state.notice.value = null
    history.notice.value = null
  })
}
