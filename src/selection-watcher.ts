import { MAX_CANDIDATES, MAX_REFERENCES } from './common/protocol'
import type { ReferenceMeta } from './common/protocol'
import type { Post } from './messages/post'
import { readRecord } from './records/record-node'
import { exportReference, prepareReference } from './references/export-references'
import type { ExportableNode, PreparedReference } from './references/export-references'
import { isUsableReference, selectionStateOf, usableNodes } from './references/usable-nodes'
import { shorten } from './common/shorten'

// Keeps the UI's view of the selection current: a `selection` message at once, the matching
// `selected-record`, then one `reference-image` per listed node: the first MAX_REFERENCES at
// full size, the rest as small previews, so selecting a 20-result run costs three exports and
// a few thumbnails. Each pass has its own selectionId; an export that finishes after the
// selection moved on is dropped. A selection the plugin set itself (marked with `markOwn`)
// is reported as `own` and exported not at all: it is not the designer's choice of references.

export const SELECTION_DEBOUNCE_MS = 150

export interface SelectionWatcher {
  /** Starts sending (after the UI is ready) and reports the current selection at once. */
  start(): Promise<void>
  /** The plugin is about to select exactly these nodes itself. */
  markOwn(nodes: readonly SceneNode[]): void
  /** Exports these usable nodes in a pass of their own, then runs `onDone`: the answer comes after its images. */
  exportNodes(nodes: readonly ExportableNode[], preview: boolean, onDone: (pass: number, metas: ReferenceMeta[]) => void): Promise<void>
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
  // one counter for selection passes and export requests: a later pass's bytes are the fresher
  let passes = 0
  let selectionId = 0
  let ownKey: string | null = null
  let started = false
  const keyOf = (nodes: readonly SceneNode[]) => nodes.map((node) => node.id).sort().join(',')
  let timer: ReturnType<typeof setTimeout> | undefined

  function sendRecord(selection: readonly SceneNode[]): void {
    const withRecords = selection.flatMap((node) => {
      const record = readRecord(node)
      return record ? [{ node, record }] : []
    })
    const only = withRecords.length === 1 ? withRecords[0]! : undefined
    post({ type: 'selected-record', nodeId: only?.node.id ?? null, record: only?.record ?? null })
  }

  /** Exports in order, one at a time: each is heavy on Figma's main thread. Stops once `current` is false. */
  async function exportAll(id: number, references: readonly PreparedReference[], fullCount: number, current: () => boolean): Promise<void> {
    for (const [index, reference] of references.entries()) {
      const preview = index >= fullCount
      let image: Uint8Array<ArrayBuffer>
      try {
        // exportAsync's bytes sit on a plain ArrayBuffer; the typings only leave it open.
        image = (await exportReference(reference, preview)) as Uint8Array<ArrayBuffer>
      } catch (error) {
        console.warn(`export of ${reference.node.id} failed:`, error)
        if (current() && !preview) warn(`Couldn’t export “${shorten(reference.meta.name, 40)}” as a reference`)
        continue
      }
      if (!current()) return
      post({ type: 'reference-image', selectionId: id, nodeId: reference.meta.nodeId, image, ...(preview ? { preview } : {}) })
    }
  }

  async function report(): Promise<void> {
    if (!started) return
    const id = (selectionId = ++passes)
    const selection = figma.currentPage.selection
    const own = ownKey !== null && keyOf(selection) === ownKey
    ownKey = null
    const usable = usableNodes(selection as readonly ExportableNode[])
    const state = selectionStateOf(selection.length, usable.length)
    const references = usable.slice(0, MAX_CANDIDATES).map(prepareReference)
    post({ type: 'selection', selectionId: id, state, references: references.map((r) => r.meta), usableCount: usable.length, own })
    sendRecord(selection)
    if (!own) await exportAll(id, references, MAX_REFERENCES, () => id === selectionId)
  }

  function schedule(): void {
    if (!started) return
    if (timer !== undefined) clearTimeout(timer)
    // selectionchange can fire in bursts while the designer drags a marquee.
    timer = setTimeout(() => {
      timer = undefined
      report().catch((error: unknown) => console.error('selection report failed:', error))
    }, debounceMs)
  }

  figma.on('selectionchange', schedule)

  return {
    start() {
      started = true
      return report()
    },
    markOwn(nodes) {
      ownKey = keyOf(nodes)
    },
    async exportNodes(nodes, preview, onDone) {
      const id = ++passes
      const references = nodes.filter(isUsableReference).map(prepareReference)
      await exportAll(id, references, preview ? 0 : references.length, () => started)
      onDone(id, references.map((r) => r.meta))
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer)
      started = false
      figma.off('selectionchange', schedule)
    },
  }
}
