import { images } from '../lib/format'
import { batch } from '../lib/signals'

import type { HistoryEntry } from '../../src/common/history'
import type { Bridge } from '../bridge/bridge'
import { describeError } from '../generation/error-text'
import { applyRecord } from '../state/apply-message'
import type { AppActions } from '../state/app-actions'
import type { ReferenceActions } from '../references/reference-actions'
import type { AppState } from '../state/app-state'
import type { HistoryState } from './history-state'

// What the History view can do: search, reuse a run's settings, find its images on the
// canvas (or say they are gone), and forget it.

export interface HistoryActions {
  open(): void
  setQuery(text: string): void
  reuse(entry: HistoryEntry): void
  show(entry: HistoryEntry): Promise<void>
  remove(entry: HistoryEntry): void
}

export interface HistoryActionDeps {
  state: AppState
  history: HistoryState
  bridge: Pick<Bridge, 'send' | 'selectNodes'>
  /** setCount also saves the form (prompt, size, count) as the last settings. */
  actions: Pick<AppActions, 'setCount' | 'dismissError'>
  references: Pick<ReferenceActions, 'replace'>
}

export function createHistoryActions({ state, history, bridge, actions, references }: HistoryActionDeps): HistoryActions {
  return {
    open() {
      history.notice.value = null
      state.view.value = 'history'
      bridge.send({ type: 'history-list' })
    },
    setQuery(text) {
      history.query.value = text
    },
    reuse(entry) {
      // the form now holds that run: the last run's "Done", its squares and notices leave
      actions.dismissError()
      batch(() => {
        applyRecord(state, { ...entry, numberResults: entry.count }, true)
        history.notice.value = null
        state.view.value = 'main'
      })
      actions.setCount(entry.count)
      // the run's own references, whatever is selected now
      if (entry.referenceNodeIds.length > 0) void references.replace(entry.referenceNodeIds, 'references of that run', entry.referenceImages)
    },
    async show(entry) {
      history.notice.value = null
      if (entry.nodeIds.length === 0) {
        history.notice.value = 'This run placed no images.'
        return
      }
      try {
        const { found } = await bridge.selectNodes(entry.nodeIds)
        const total = entry.nodeIds.length
        if (found === 0) history.notice.value = `The ${images(total)} of this run are no longer on this page: deleted, moved to another page or in another file.`
        else if (found < total) history.notice.value = `Selected ${found} of ${images(total)}; the others are no longer on this page.`
        else history.notice.value = `Selected ${images(found)} on the canvas.`
      } catch (error) {
        history.notice.value = describeError(error, state.apiKey.value).message
      }
    },
    remove(entry) {
      bridge.send({ type: 'history-remove', id: entry.id })
    },
  }
}
