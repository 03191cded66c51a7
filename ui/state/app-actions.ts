import { batch } from '../lib/signals'

import type { GenerationOptions } from '../runware/generation-options'
import type { GenerationRecord } from '../../src/common/generation-record'
import { MAX_PROMPT_LENGTH } from '../../src/common/protocol'
import type { Endpoint, Settings } from './settings'
import { browserTimers, type Bridge, type Timers } from '../bridge/bridge'
import { describeError } from '../generation/error-text'
import type { RunController } from '../generation/run-controller'
import { clampCount } from '../lib/count'
import { matchReferenceSize } from '../lib/size-options'
import { applyRecord } from './apply-message'
import type { AppState, Size } from './app-state'
import { readiness } from './readiness'
import { chooseTag } from './tags'

// What the designer can do, as functions the components call. The iframe has a null origin
// (no localStorage), so everything worth keeping is sent to the sandbox with `save-settings`
// or `save-key`, which keeps it in figma.clientStorage.

/** Typing a prompt saves it a moment after the last keystroke, not on every one. */
const PROMPT_SAVE_DELAY_MS = 600

export interface AppActions {
  saveKey(key: string): string | null
  forgetKey(): void
  acknowledgeConsent(): void
  setPrompt(text: string): void
  pickSize(size: Size): void
  matchReference(): void
  setCount(raw: number): void
  saveEndpoint(endpoint: Endpoint): void
  saveOptions(options: GenerationOptions): void
  refreshReferences(): void
  /** Gives a reference the `@tag` the designer typed (already checked by the tag field). */
  renameTag(nodeId: string, tag: string): void
  useRecord(record: GenerationRecord): void
  selectReferencesOf(record: GenerationRecord): Promise<void>
  generate(): Promise<void>
  cancel(): void
  openSettings(): void
  closeSettings(): void
  dismissError(): void
  /** Sends what is pending right away (e.g. before the plugin closes). */
  flush(): void
}

export interface ActionDeps {
  state: AppState
  bridge: Pick<Bridge, 'send' | 'selectNodes'>
  controller: RunController
  timers?: Timers
}

export function createActions({ state, bridge, controller, timers = browserTimers }: ActionDeps): AppActions {
  let saveTimer: unknown = null

  function currentSettings(): Settings {
    return {
      ...state.settings.value,
      // the stored prompt is capped like the model's; the field itself may hold more while editing
      lastPrompt: state.prompt.value.slice(0, MAX_PROMPT_LENGTH),
      size: { ...state.size.value },
      numberResults: state.count.value,
    }
  }

  function saveNow(): void {
    if (saveTimer !== null) {
      timers.clearTimeout(saveTimer)
      saveTimer = null
    }
    // Before `init` the stored settings are unknown: saving now would overwrite them with
    // defaults. A prompt typed that early is saved once they are known.
    if (!state.ready.value) {
      saveSoon()
      return
    }
    const settings = currentSettings()
    state.settings.value = settings
    bridge.send({ type: 'save-settings', settings })
  }

  function saveSoon(): void {
    if (saveTimer !== null) timers.clearTimeout(saveTimer)
    saveTimer = timers.setTimeout(() => {
      saveTimer = null
      saveNow()
    }, PROMPT_SAVE_DELAY_MS)
  }

  function pickSize(size: Size): void {
    batch(() => {
      state.size.value = { width: size.width, height: size.height }
      state.sizePicked.value = true
    })
    saveNow()
  }

  // plain functions, not methods using `this`: components pass them around as handlers
  return {
    saveKey(key) {
      const trimmed = key.trim()
      if (trimmed === '') return 'Paste your Runware API key first'
      if (trimmed.length > 500 || /\s/.test(trimmed)) return 'That does not look like a Runware API key'
      // kept in the UI as well: this is the side that talks to Runware
      state.apiKey.value = trimmed
      bridge.send({ type: 'save-key', key: trimmed })
      return null
    },
    forgetKey() {
      state.apiKey.value = null
      bridge.send({ type: 'forget-key' })
    },
    acknowledgeConsent() {
      state.settings.value = { ...state.settings.value, consentGiven: true }
      saveNow()
    },
    setPrompt(text) {
      state.prompt.value = text
      saveSoon()
    },
    pickSize,
    matchReference() {
      const first = state.selection.value.references[0]
      if (!first) return
      const best = matchReferenceSize({ width: first.pixelWidth, height: first.pixelHeight }, state.size.value)
      pickSize(best)
    },
    setCount(raw) {
      const { value, note } = clampCount(raw)
      batch(() => {
        state.count.value = value
        state.countNote.value = note
      })
      saveNow()
    },
    saveEndpoint(endpoint) {
      state.settings.value = { ...state.settings.value, endpoint }
      saveNow()
    },
    saveOptions(options) {
      state.settings.value = { ...state.settings.value, options }
      saveNow()
    },
    refreshReferences() {
      // an edited frame keeps its selection, so the sandbox cannot know its pixels changed
      bridge.send({ type: 'refresh-references' })
    },
    renameTag(nodeId, tag) {
      chooseTag(state, nodeId, tag)
    },
    useRecord(record) {
      applyRecord(state, record)
      saveNow()
    },
    async selectReferencesOf(record) {
      const ids = record.referenceNodeIds
      try {
        const { found } = await bridge.selectNodes(ids)
        if (found < ids.length) {
          const missing = ids.length - found
          state.notice.value = { message: `${missing} of ${ids.length} references are no longer in this file` }
        }
      } catch (error) {
        state.notice.value = describeError(error, state.apiKey.value)
      }
    },
    async generate() {
      state.notice.value = null
      saveNow()
      const settings = state.settings.value
      const outcome = await controller.start({ ...readiness(state), options: settings.options, endpoint: settings.endpoint })
      if (!outcome.ok) state.notice.value = { message: outcome.message }
    },
    cancel() {
      controller.cancel()
    },
    openSettings() {
      state.view.value = 'settings'
    },
    closeSettings() {
      state.view.value = 'main'
    },
    dismissError() {
      state.notice.value = null
      controller.dismiss()
    },
    flush() {
      if (saveTimer !== null && state.ready.value) saveNow()
    },
  }
}
