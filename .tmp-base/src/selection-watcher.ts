import { MAX_REFERENCES } from './common/protocol'
import type { Post } from './messages/post'
import { readRecord } from './records/record-node'
import { exportReference, prepareReference } from './references/export-references'
import type { ExportableNode } from './references/export-references'
import { selectionStateOf, usableNodes } from './references/usable-nodes'
import { shorten } from './text'

// Keeps the UI's view of the selection current: a `selection` message at once, the matching
// `selected-record`, then one `reference-image` per reference. Each pass has its own
// selectionId; an export that finishes after the selection moved on is dropped.

export const SELECTION_DEBOUNCE_MS = 150

export interface SelectionWatcher {
  /** Starts sending (after the UI is ready) and reports the current selection at once. */
  start(): Promise<void>
  /** Reports the current selection now, skipping the debounce. */
  refresh(): Promise<void>
  dispose(): void
}

export interface SelectionWatcherOptions {
  figma: PluginAPI
  post: Post
  debounceMs?: number
  /** Where an export failure is reported to the designer. */
  warn: (message: string) => void
}

export function createSelectionWatcher(options: SelectionWatcherOptions): SelectionWatcher {
  const { figma, post, warn } = options
  const debounceMs = options.debounceMs ?? SELECTION_DEBOUNCE_MS
  let selectionId = 0
  let started = false
  let timer: ReturnType<typeof setTimeout> | undefined

  function sendRecord(selection: readonly SceneNode[]): void {
    const withRecords = selection.flatMap((node) => {
      const record = readRecord(node)
      return record ? [{ node, record }] : []
    })
    const only = withRecords.length === 1 ? withRecords[0]! : undefined
    post({ type: 'selected-record', nodeId: only?.node.id ?? null, record: only?.record ?? null })
  }

  async function report(): Promise<void> {
    if (!started) return
    selectionId += 1
    const id = selectionId
    const selection = figma.currentPage.selection
    const usable = usableNodes(selection as readonly ExportableNode[])
    const state = selectionStateOf(selection.length, usable.length)
    const references = state === 'ok' ? usable.slice(0, MAX_REFERENCES).map(prepareReference) : []
    post({ type: 'selection', selectionId: id, state, references: references.map((r) => r.meta), usableCount: usable.length })
    sendRecord(selection)
    // One export at a time: each is heavy on Figma's main thread (figma-platform.md §3).
    for (const reference of references) {
      let image: Uint8Array<ArrayBuffer>
      try {
        // exportAsync's bytes sit on a plain ArrayBuffer; the typings only leave it open.
        image = (await exportReference(reference)) as Uint8Array<ArrayBuffer>
      } catch (error) {
        console.warn(`export of ${reference.node.id} failed:`, error)
        if (id === selectionId) warn(`Couldn’t export “${shorten(reference.meta.name, 40)}” as a reference`)
        continue
      }
      if (id !== selectionId) return
      post({ type: 'reference-image', selectionId: id, nodeId: reference.meta.nodeId, image })
    }
  }

  function schedule(): void {
    if (!started) return
    if (timer !== undefined) clearTimeout(timer)
    // figma-platform.md §6.2: selectionchange can fire in bursts while the designer drags a marquee.
    timer = setTimeout(() => {
      timer = undefined
      report().catch((error: unknown) => console.error('selection report failed:', error))
    }, debounceMs)
  }

  figma.on('selectionchange', schedule)

  return {
    start() {
      started = true
      return this.refresh()
    },
    refresh() {
      if (timer !== undefined) clearTimeout(timer)
      timer = undefined
      return report()
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer)
      started = false
      figma.off('selectionchange', schedule)
    },
  }
}
