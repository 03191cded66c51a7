import { batch } from '../lib/signals'

import type { KeyChecker, KeyCheckOutcome } from '../runware'
import type { GenerationOptions } from '../runware/generation-options'
import type { GenerationRecord } from '../../src/common/generation-record'
import { MAX_PROMPT_LENGTH, MAX_RESULTS } from '../../src/common/protocol'
import { hideSecret } from '../../src/common/secret'
import type { BoardSettings, Endpoint, Settings } from './settings'
import { browserTimers, type Bridge, type Timers } from '../bridge/bridge'
import { describeError } from '../generation/error-text'
import type { RunController } from '../generation/run-controller'
import { clampCount } from '../lib/count'
import { matchReferenceSize } from '../lib/size-options'
import { applyRecord } from './apply-message'
import type { AppState, Size } from './app-state'
import { KEY_IDLE, keyFormatProblem, keySaved } from './key-check'
import { readiness } from './readiness'
import { sentItems } from './sent-items'
import { chooseTag } from './tags'
import { isActive } from '../generation/run-state'
import { GONE_TEXT, type ReferenceActions } from '../references/reference-actions'

// What the designer can do, as functions the components call. The iframe has a null origin
// (no localStorage), so everything worth keeping is sent to the sandbox with `save-settings`
// or `save-key`, which keeps it in figma.clientStorage.

/** Typing a prompt saves it a moment after the last keystroke, not on every one. */
const PROMPT_SAVE_DELAY_MS = 600

export interface AppActions {
  /** Checks the key with Runware, then saves it unless Runware refused it; resolves to whether it was saved. */
  saveKey(key: string): Promise<boolean>
  /** The key field changed: what was said about the previous attempt no longer applies. */
  editKey(): void
  forgetKey(): void
  acknowledgeConsent(): void
  setPrompt(text: string): void
  pickSize(size: Size): void
  matchReference(): void
  setCount(raw: number): void
  setConfirmAbove(count: number): void
  saveEndpoint(endpoint: Endpoint): void
  saveOptions(options: GenerationOptions): void
  saveBoard(board: BoardSettings): void
  refreshReferences(): void
  /** Gives a reference the `@tag` the designer typed (already checked by the tag field). */
  renameTag(nodeId: string, tag: string): void
  useRecord(record: GenerationRecord): void
  selectReferencesOf(record: GenerationRecord): Promise<void>
  /** Same prompt and size, this image the reference (beside a pinned style): starts a run. */
  moreLikeThis(nodeId: string, record: Pick<GenerationRecord, 'prompt' | 'width' | 'height'>): Promise<void>
  /** Selects a node and brings it into view: the plugin's own selection, references untouched. */
  show(nodeId: string): Promise<void>
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
  references: Pick<ReferenceActions, 'refresh' | 'replace' | 'preview'>
  checkKey: KeyChecker
  timers?: Timers
}

export function createActions({ state, bridge, controller, references, checkKey, timers = browserTimers }: ActionDeps): AppActions {
  let saveTimer: unknown = null

  function currentSettings(): Settings {
    return {
      ...state.settings.value,
      // the stored prompt is capped like the model's; the field itself may hold more while
      // editing. A key pasted into it stays in the field only, never in storage.
      lastPrompt: hideSecret(state.prompt.value, state.apiKey.value, '').slice(0, MAX_PROMPT_LENGTH),
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

  async function generate(): Promise<void> {
    batch(() => {
      state.notice.value = null
      // "Connected" and "will be checked again" belonged to saving the key, now done with
      if (keySaved(state.keyCheck.value)) state.keyCheck.value = KEY_IDLE
    })
    saveNow()
    const settings = state.settings.value
    const request = readiness(state)
    const board = { captions: settings.captions, annotations: settings.annotations }
    const outcome = await controller.start({ ...request, options: settings.options, endpoint: settings.endpoint, board })
    if (!outcome.ok) {
      state.notice.value = { message: outcome.message }
      return
    }
    // the results, in slot order, offered for the next step
    const nodeIds = (controller.run.value?.slots ?? []).flatMap((slot) => (slot.status === 'placed' && slot.nodeId ? [slot.nodeId] : []))
    state.lastRun.value = nodeIds.length > 0 ? { prompt: request.prompt.trim(), size: { ...request.size }, nodeIds } : null
    references.preview(nodeIds)
  }

  // plain functions, not methods using `this`: components pass them around as handlers
  return {
    async saveKey(key) {
      if (state.keyCheck.value.phase === 'checking') return false
      const trimmed = key.trim()
      const problem = keyFormatProblem(trimmed)
      if (problem) {
        state.keyCheck.value = { phase: 'malformed', message: problem }
        return false
      }
      state.keyCheck.value = { phase: 'checking' }
      // over the WebSocket whatever the connection setting: authenticating there costs nothing
      const outcome: KeyCheckOutcome = await checkKey({ apiKey: trimmed, wsUrl: state.settings.value.endpoint.wsUrl }).catch((thrown: unknown) => ({
        kind: 'unreachable' as const,
        detail: hideSecret(String(thrown), trimmed),
      }))
      // forgotten or edited meanwhile: this answer belongs to nothing on screen any more
      if (state.keyCheck.value.phase !== 'checking') return false
      const check = { phase: 'done' as const, ...outcome }
      batch(() => {
        state.keyCheck.value = check
        // kept in the UI as well: this is the side that talks to Runware
        if (keySaved(check)) state.apiKey.value = trimmed
      })
      if (keySaved(check)) bridge.send({ type: 'save-key', key: trimmed })
      return keySaved(check)
    },
    editKey() {
      if (state.keyCheck.value.phase !== 'checking') state.keyCheck.value = KEY_IDLE
    },
    forgetKey() {
      batch(() => {
        state.apiKey.value = null
        state.keyCheck.value = KEY_IDLE
      })
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
      const first = sentItems(state)[0]
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
    setConfirmAbove(count) {
      if (!Number.isFinite(count)) return
      const confirmAbove = Math.min(MAX_RESULTS, Math.max(1, Math.round(count)))
      state.settings.value = { ...state.settings.value, confirmAbove }
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
    saveBoard({ captions, annotations }) {
      state.settings.value = { ...state.settings.value, captions, annotations }
      saveNow()
    },
    refreshReferences() {
      // an edited frame keeps its selection, so the sandbox cannot know its pixels changed
      references.refresh()
    },
    renameTag(nodeId, tag) {
      chooseTag(state, nodeId, tag)
    },
    useRecord(record) {
      // the form now holds another run: the last run's "Done" and notices were about that one
      state.notice.value = null
      controller.dismiss()
      applyRecord(state, record)
      saveNow()
    },
    async selectReferencesOf(record) {
      const ids = record.referenceNodeIds
      try {
        // selected to be used: the designer's references, as if selected by hand
        const { found } = await bridge.selectNodes(ids, true)
        if (found < ids.length) {
          const missing = ids.length - found
          state.notice.value = { message: `${missing} of ${ids.length} references are no longer in this file` }
        }
      } catch (error) {
        state.notice.value = describeError(error, state.apiKey.value)
      }
    },
    async moreLikeThis(nodeId, record) {
      if (isActive(controller.run.value)) return
      if (!(await references.replace([nodeId], 'image'))) return
      applyRecord(state, record)
      await generate()
    },
    async show(nodeId) {
      try {
        const { found } = await bridge.selectNodes([nodeId])
        if (found === 0) state.notice.value = { message: GONE_TEXT }
      } catch (error) {
        state.notice.value = describeError(error, state.apiKey.value)
      }
    },
    generate,
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
