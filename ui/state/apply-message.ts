import { batch } from '../lib/signals'

import type { GenerationRecord } from '../../src/common/generation-record'
import { MAX_REFERENCES, type PluginToUi } from '../../src/common/protocol'
import { findSize } from '../../src/common/sizes'
import { mimeOf } from '../../src/common/image-format'
import { readImageInfo } from '../image/image-info'
import { sameBytes } from '../image/same-bytes'
import { matchReferenceSize } from '../lib/size-options'
import type { AppState, Prefill, ReferenceImage } from './app-state'
import type { ObjectUrls } from './object-urls'
import { readSettings } from './settings'
import { restoreTags } from './tags'

// Applies one parsed message from the sandbox to the state. Replies to requests never get
// here (the bridge settles them); neither do invalid messages (the bridge drops them).

/**
 * How many frames' pixels the UI holds: the selection's (at most MAX_REFERENCES) and those of
 * frames deselected since. A run ends by selecting its results, so the usual next step
 * selects the same frames again, and their unchanged exports then reuse what is here.
 */
export const KEPT_IMAGES = 2 * MAX_REFERENCES

const PREFILL_COMMANDS: ReadonlySet<string> = new Set<Prefill>(['variations', 'reuse-settings'])

/**
 * Prompt and size from a record, and with `withCount` the number of results its run asked
 * for (older records do not say).
 */
export function applyRecord(
  state: AppState,
  record: Pick<GenerationRecord, 'prompt' | 'width' | 'height' | 'numberResults'> & Partial<Pick<GenerationRecord, 'referenceNodeIds' | 'referenceTags'>>,
  withCount = false,
): void {
  batch(() => {
    state.prompt.value = record.prompt
    restoreTags(state, record)
    if (withCount && record.numberResults !== undefined) state.count.value = record.numberResults
    const size = findSize(record.width, record.height)
    if (size) {
      state.size.value = { width: size.width, height: size.height }
      state.sizePicked.value = true
    }
  })
}

/** The first time references are known, offer the size closest to their shape. */
function matchFirstReference(state: AppState): void {
  const selection = state.selection.value
  const first = selection.references[0]
  if (selection.state !== 'ok' || !first || state.sizeMatched.value || !state.ready.value) return
  state.sizeMatched.value = true
  if (state.sizePicked.value) return
  const best = matchReferenceSize({ width: first.pixelWidth, height: first.pixelHeight }, state.size.value)
  state.size.value = { width: best.width, height: best.height }
}

export function createMessageHandler(state: AppState, urls: ObjectUrls): (message: PluginToUi) => void {
  function setImages(next: Map<string, ReferenceImage>) {
    state.images.value = next
  }

  return function handle(message: PluginToUi) {
    switch (message.type) {
      case 'init':
        batch(() => {
          // the sandbox stores settings without reading them: they are parsed here, on arrival
          const settings = readSettings(message.settings)
          state.settings.value = settings
          state.apiKey.value = message.apiKey
          state.command.value = message.command
          state.editorType.value = message.editorType
          // the form is usable before `init`: a prompt already typed wins over the stored one
          if (state.prompt.value === '') state.prompt.value = settings.lastPrompt
          state.size.value = { ...settings.size }
          state.count.value = settings.numberResults
          state.pendingPrefill.value = PREFILL_COMMANDS.has(message.command) ? (message.command as Prefill) : null
          state.ready.value = true
          // a selection that came before init was not matched yet: the saved size was unknown
          matchFirstReference(state)
        })
        return
      case 'key-state':
        state.apiKey.value = message.apiKey
        return
      case 'selection':
        batch(() => {
          const ids = new Set(message.references.map((ref) => ref.nodeId))
          const next = new Map(state.images.value)
          // deselected frames keep their pixels a while, oldest dropped first (see KEPT_IMAGES)
          let surplus = next.size + message.references.filter((ref) => !next.has(ref.nodeId)).length - KEPT_IMAGES
          for (const [nodeId, image] of next) {
            if (surplus <= 0) break
            if (!ids.has(nodeId)) {
              urls.revoke(image.url)
              next.delete(nodeId)
              surplus -= 1
            }
          }
          setImages(next)
          state.selection.value = {
            selectionId: message.selectionId,
            state: message.state,
            references: message.references,
            usableCount: message.usableCount,
          }
          matchFirstReference(state)
        })
        return
      case 'reference-image': {
        const selection = state.selection.value
        // an export for an older selection, or for a node no longer selected, is stale
        if (message.selectionId !== selection.selectionId) return
        if (!selection.references.some((ref) => ref.nodeId === message.nodeId)) return
        const next = new Map(state.images.value)
        const old = next.get(message.nodeId)
        // re-set, not updated in place: the map's order is how recently each frame was selected
        next.delete(message.nodeId)
        if (old && sameBytes(old.bytes, message.image)) {
          // the same export as before: its thumbnail and content hash still hold
          next.set(message.nodeId, { ...old, selectionId: message.selectionId })
        } else {
          if (old) urls.revoke(old.url)
          const info = readImageInfo(message.image)
          const url = urls.create(message.image, info ? mimeOf(info.format) : 'image/png')
          next.set(message.nodeId, { selectionId: message.selectionId, bytes: message.image, url, info })
        }
        setImages(next)
        return
      }
      case 'selected-record': {
        const record = message.record
        state.selectedRecord.value = record ? { nodeId: message.nodeId, record } : null
        const prefill = state.pendingPrefill.value
        if (record && prefill) {
          state.pendingPrefill.value = null
          // "Reuse settings" restores the count too; "Variations" keeps the designer's own
          applyRecord(state, record, prefill === 'reuse-settings')
        }
        return
      }
      case 'run-started':
      case 'result-placed':
      case 'task-saved':
      case 'nodes-selected':
      case 'request-failed':
        return
    }
  }
}
