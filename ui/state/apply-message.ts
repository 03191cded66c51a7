import { batch } from '../lib/signals'

import type { GenerationRecord } from '../../src/common/generation-record'
import { MAX_REFERENCES, type PluginToUi } from '../../src/common/protocol'
import { findSize } from '../../src/common/sizes'
import { mimeOf } from '../../src/common/image-format'
import { readImageInfo } from '../image/image-info'
import { sameBytes } from '../image/same-bytes'
import { matchReferenceSize } from '../lib/size-options'
import { itemsOf, listed } from '../references/reference-set'
import { sentItems } from './sent-items'
import type { AppState, Prefill, ReferenceImage } from './app-state'
import type { ObjectUrls } from './object-urls'
import { readSettings } from './settings'
import { restoreTags } from './tags'

// Applies one parsed message from the sandbox to the state. Replies to requests never get
// here (the bridge settles them); neither do invalid messages (the bridge drops them).

/**
 * How many pixels of nodes no longer listed the UI holds, besides those it lists (references,
 * style, the last run's results): a designer who selects the same frames again finds their
 * unchanged exports here.
 */
export const KEPT_IMAGES = 2 * MAX_REFERENCES

/** The nodes whose images the panel shows now: never dropped to make room. */
function listedIds(state: AppState): Set<string> {
  const ids = new Set(state.references.value.candidates.map((item) => item.nodeId))
  const style = state.style.value
  if (style) ids.add(style.style.nodeId)
  for (const id of state.lastRun.value?.nodeIds ?? []) ids.add(id)
  return ids
}

/** Drops the oldest images of unlisted nodes past KEPT_IMAGES, revoking their URLs. */
export function trimImages(state: AppState, urls: ObjectUrls): void {
  const listed = listedIds(state)
  const next = new Map(state.images.value)
  let surplus = [...next.keys()].filter((id) => !listed.has(id)).length - KEPT_IMAGES
  if (surplus <= 0) return
  for (const [nodeId, image] of next) {
    if (surplus <= 0) break
    if (listed.has(nodeId)) continue
    urls.revoke(image.url)
    next.delete(nodeId)
    surplus -= 1
  }
  state.images.value = next
}

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
  const first = sentItems(state)[0]
  if (!first || state.sizeMatched.value || !state.ready.value) return
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
        // The plugin's own selection (a run's results, Show) is not the designer's choice:
        // the references stay what they were.
        if (message.own) return
        batch(() => {
          state.selection.value = { selectionId: message.selectionId, state: message.state }
          const styleId = state.style.value?.style.nodeId ?? null
          state.references.value = listed(itemsOf(message.references, message.selectionId, MAX_REFERENCES), styleId)
          trimImages(state, urls)
          matchFirstReference(state)
        })
        return
      case 'reference-image': {
        const next = new Map(state.images.value)
        const old = next.get(message.nodeId)
        // an older pass's export, or a preview where full bytes are held, adds nothing
        if (old && (old.selectionId > message.selectionId || (message.preview && !old.preview))) return
        // re-set, not updated in place: the map's order is how recently each node was exported
        next.delete(message.nodeId)
        if (old && old.preview === message.preview && sameBytes(old.bytes, message.image)) {
          // the same export as before: its thumbnail and content hash still hold
          next.set(message.nodeId, { ...old, selectionId: message.selectionId })
        } else {
          if (old) urls.revoke(old.url)
          const info = readImageInfo(message.image)
          const url = urls.create(message.image, info ? mimeOf(info.format) : 'image/png')
          next.set(message.nodeId, { selectionId: message.selectionId, bytes: message.image, url, info, ...(message.preview ? { preview: true } : {}) })
        }
        setImages(next)
        trimImages(state, urls)
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
      case 'board-style':
      case 'references-exported':
      case 'run-started':
      case 'result-placed':
      case 'task-saved':
      case 'nodes-selected':
      case 'request-failed':
        return
    }
  }
}
