import { batch, effect } from '../lib/signals'

import type { BoardStyle, PluginToUi } from '../../src/common/protocol'
import { MAX_REFERENCES } from '../../src/common/protocol'
import type { Bridge } from '../bridge/bridge'
import { describeError } from '../generation/error-text'
import type { AppState } from '../state/app-state'
import { freshBytes, sentItems } from '../state/readiness'
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
  /** Makes these nodes the references, all chosen; says which are gone. True when any was found. */
  replace(nodeIds: readonly string[], what?: string): Promise<boolean>
  pin(item: ReferenceItem): void
  unpin(): void
  /** Exports the references again (after editing them on the canvas). */
  refresh(): Promise<void>
  /** Previews of these result nodes for the panel. */
  preview(nodeIds: readonly string[]): void
  /** Resolves once every reference the next run sends has its full bytes (or after `timeoutMs`). */
  ready(timeoutMs?: number): Promise<void>
}

/** An export's images follow its reply; a node whose export failed never sends one, so the wait is bounded. */
export const EXPORT_WAIT_MS = 20_000

export interface ReferenceActionDeps {
  state: AppState
  bridge: Pick<Bridge, 'send' | 'exportReferences' | 'subscribe'>
}

function styleId(state: AppState): string | null {
  return state.style.value?.style.nodeId ?? null
}

export function createReferenceActions({ state, bridge }: ReferenceActionDeps): ReferenceActions & { dispose(): void } {
  function fail(error: unknown): void {
    state.notice.value = describeError(error, state.apiKey.value)
  }

  async function exported(nodeIds: readonly string[]): Promise<{ items: ReferenceItem[]; missing: string[] }> {
    const reply = await bridge.exportReferences([...nodeIds])
    return { items: itemsOf(reply.references, reply.selectionId), missing: reply.missing }
  }

  /** Chosen references that only have a preview coming get their full export. */
  function completeChosen(): void {
    const wanted = chosenItems(state.references.value).filter((item) => !item.full && !freshBytes(state, item))
    if (wanted.length === 0) return
    exported(wanted.map((item) => item.nodeId)).then(({ items }) => {
      state.references.value = updated(state.references.value, items)
    }, fail)
  }

  async function loadStyle(style: BoardStyle | null, gone?: string): Promise<void> {
    batch(() => {
      state.style.value = style ? { style, item: null } : null
      if (gone) state.notice.value = { message: `The pinned style “${gone}” was deleted, so it is no longer pinned` }
      state.references.value = fitted(state.references.value, roomBeside(style?.nodeId ?? null), style?.nodeId ?? null)
    })
    if (!style) return
    try {
      const { items, missing } = await exported([style.nodeId])
      if (state.style.value?.style.nodeId !== style.nodeId) return
      if (missing.length > 0 || !items[0]) {
        bridge.send({ type: 'pin-style', style: null })
        return
      }
      state.style.value = { style, item: items[0] }
    } catch (error) {
      fail(error)
    }
  }

  const unsubscribe = bridge.subscribe((message: PluginToUi) => {
    if (message.type === 'board-style') void loadStyle(message.style, message.gone)
  })

  return {
    toggle(nodeId) {
      state.references.value = toggled(state.references.value, nodeId, roomBeside(styleId(state)))
      completeChosen()
    },
    async use(nodeId) {
      try {
        const { items } = await exported([nodeId])
        const item = items[0]
        if (!item) {
          state.notice.value = { message: GONE_TEXT }
          return false
        }
        state.references.value = added(state.references.value, item, roomBeside(styleId(state)))
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },
    async replace(nodeIds, what = 'references') {
      try {
        const { items, missing } = await exported(nodeIds.slice(0, MAX_REFERENCES))
        if (items.length > 0) state.references.value = listed(items, styleId(state))
        if (missing.length > 0) {
          const gone = missing.length === nodeIds.length ? `The ${what} are` : `${missing.length} of ${nodeIds.length} ${what} are`
          state.notice.value = { message: `${gone} no longer in this file: deleted, or on a page not loaded` }
        }
        return items.length > 0
      } catch (error) {
        fail(error)
        return false
      }
    },
    pin(item) {
      bridge.send({ type: 'pin-style', style: { nodeId: item.nodeId, name: item.name.slice(0, 200), tag: STYLE_TAG } })
    },
    unpin() {
      bridge.send({ type: 'pin-style', style: null })
    },
    async refresh() {
      const ids = sentItems(state).map((item) => item.nodeId)
      if (ids.length === 0) return
      try {
        const { items } = await exported(ids)
        const style = state.style.value
        const fresh = items.find((item) => item.nodeId === style?.style.nodeId)
        batch(() => {
          state.references.value = updated(state.references.value, items)
          if (style && fresh) state.style.value = { style: style.style, item: fresh }
        })
      } catch (error) {
        fail(error)
      }
    },
    preview(nodeIds) {
      if (nodeIds.length > 0) bridge.exportReferences([...nodeIds], true).catch(fail)
    },
    ready(timeoutMs = EXPORT_WAIT_MS) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs)
        const stop = effect(() => {
          if (sentItems(state).every((item) => freshBytes(state, item))) queueMicrotask(done)
        })
        function done(): void {
          clearTimeout(timer)
          stop()
          resolve()
        }
      })
    },
    dispose: unsubscribe,
  }
}
