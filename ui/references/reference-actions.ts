import { batch } from '../lib/signals'

import type { BoardStyle, PluginToUi } from '../../src/common/protocol'
import { MAX_REFERENCES } from '../../src/common/protocol'
import type { Bridge } from '../bridge/bridge'
import { describeError } from '../generation/error-text'
import type { AppState } from '../state/app-state'
import { freshBytes } from '../state/readiness'
import { added, chosenItems, fitted, itemsOf, listed, roomBeside, toggled, updated, type ReferenceItem } from './reference-set'

// What the designer does with references besides selecting them: choose which 3 of many,
// use a result as one, make a result the only one, pin a board style, and bring back a past
// run's. Each asks the sandbox for the nodes by id, so it works whatever is selected.

export const STYLE_TAG = 'style'

/** When a result asked for by id is not on the page any more. */
export const GONE_TEXT = 'That image is no longer on this page'

export interface ReferenceActions {
  toggle(nodeId: string): void
  /** Lists this node and chooses it (a result: "Use as reference"). */
  use(nodeId: string): Promise<boolean>
  /**
   * Makes these nodes the references, all chosen. A node that is gone is sent as its earlier
   * upload (`uploads`, by position) while the upload cache still holds it; the rest are named.
   * True when any reference is left.
   */
  replace(nodeIds: readonly string[], what?: string, uploads?: readonly string[]): Promise<boolean>
  pin(item: ReferenceItem): void
  unpin(): void
  /** Exports the references again (after editing them on the canvas). */
  refresh(): void
  /** Previews of these result nodes for the panel. */
  preview(nodeIds: readonly string[]): void
}

export interface ReferenceActionDeps {
  state: AppState
  bridge: Pick<Bridge, 'send' | 'exportReferences' | 'subscribe'>
  /** Whether the upload cache still holds this imageUUID (Runware keeps what was uploaded). */
  holdsUpload?: (imageUUID: string) => boolean
}

function styleId(state: AppState): string | null {
  return state.style.value?.style.nodeId ?? null
}

export function createReferenceActions({ state, bridge, holdsUpload = () => false }: ReferenceActionDeps): ReferenceActions & { dispose(): void } {
  function fail(error: unknown): void {
    state.notice.value = describeError(error, state.apiKey.value)
  }

  /** The listings of these nodes as exported now (their pixels already arrived); [] when the request failed. */
  async function exported(nodeIds: readonly string[]): Promise<ReferenceItem[]> {
    try {
      const reply = await bridge.exportReferences([...nodeIds])
      return itemsOf(reply.references, reply.selectionId)
    } catch (error) {
      fail(error)
      return []
    }
  }

  /** Exports listed nodes again at full size and lists their fresh exports. */
  async function reexport(items: readonly ReferenceItem[]): Promise<void> {
    const ids = items.flatMap((item) => (item.imageUUID ? [] : [item.nodeId]))
    if (ids.length > 0) state.references.value = updated(state.references.value, await exported(ids))
  }

  async function loadStyle(style: BoardStyle | null, gone?: string): Promise<void> {
    batch(() => {
      state.style.value = style ? { style, item: null } : null
      if (gone) state.notice.value = { message: `“${gone}” was deleted: no style is pinned now` }
      state.references.value = fitted(state.references.value, roomBeside(style?.nodeId ?? null), style?.nodeId ?? null)
    })
    if (!style) return
    const [item] = await exported([style.nodeId])
    if (state.style.value?.style.nodeId !== style.nodeId) return
    if (item) state.style.value = { style, item }
    // gone since it was pinned: the sandbox unpins it
    else bridge.send({ type: 'pin-style', style: null })
  }

  const unsubscribe = bridge.subscribe((message: PluginToUi) => {
    if (message.type === 'board-style') void loadStyle(message.style, message.gone)
  })

  return {
    toggle(nodeId) {
      state.references.value = toggled(state.references.value, nodeId, roomBeside(styleId(state)))
      // a chosen node that only has a preview coming gets its full export
      void reexport(chosenItems(state.references.value).filter((item) => !item.full && !freshBytes(state, item)))
    },
    async use(nodeId) {
      const [item] = await exported([nodeId])
      if (item) state.references.value = added(state.references.value, item, roomBeside(styleId(state)))
      else state.notice.value ??= { message: GONE_TEXT }
      return !!item
    },
    async replace(nodeIds, what = 'references', uploads = []) {
      const wanted = nodeIds.slice(0, MAX_REFERENCES)
      const found = new Map((await exported(wanted)).map((item) => [item.nodeId, item]))
      const gone: string[] = []
      const kept = wanted.flatMap((nodeId, index): ReferenceItem[] => {
        const item = found.get(nodeId)
        if (item) return [item]
        const imageUUID = uploads[index]
        if (imageUUID && holdsUpload(imageUUID)) {
          return [{ nodeId, name: 'Deleted layer, sent as uploaded', width: 1, height: 1, pixelWidth: 1, pixelHeight: 1, kind: 'image', passId: 0, full: true, imageUUID }]
        }
        gone.push(nodeId)
        return []
      })
      if (kept.length > 0) state.references.value = listed(kept, styleId(state))
      if (gone.length > 0) {
        const which = gone.length === wanted.length ? `The ${what} are` : `${gone.length} of ${wanted.length} ${what} are`
        state.notice.value = { message: `${which} gone: deleted, or on a page not loaded` }
      }
      return kept.length > 0
    },
    pin(item) {
      bridge.send({ type: 'pin-style', style: { nodeId: item.nodeId, name: item.name.slice(0, 200), tag: STYLE_TAG } })
    },
    unpin() {
      bridge.send({ type: 'pin-style', style: null })
    },
    refresh() {
      const style = state.style.value
      if (style) void loadStyle(style.style)
      void reexport(chosenItems(state.references.value))
    },
    preview(nodeIds) {
      if (nodeIds.length > 0) bridge.exportReferences([...nodeIds], true).catch(fail)
    },
    dispose: unsubscribe,
  }
}
