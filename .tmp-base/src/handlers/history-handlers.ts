import type { Handlers } from '../messages/router'
import type { HistoryStore } from '../storage/history-store'
import type { PluginContext } from './context'
import { notify } from './context'

// History lives in the sandbox's clientStorage (the iframe has none, figma-platform.md §5);
// every change is answered with the whole list so the UI never guesses what was stored.

type HistoryHandlers = Pick<Handlers, 'history-list' | 'history-add' | 'history-remove'>

export function createHistoryHandlers(context: PluginContext, store: HistoryStore): HistoryHandlers {
  const { figma, post } = context

  async function reply(): Promise<void> {
    const [entries, spend] = await Promise.all([store.list(), store.spend()])
    post({ type: 'history', entries, spend })
  }

  return {
    async 'history-list'() {
      await reply()
    },

    async 'history-add'({ entry }) {
      try {
        await store.add(entry)
      } catch (error) {
        console.warn('history not saved:', error)
        notify(figma, 'Couldn’t add this run to History: Figma’s plugin storage is full', true)
      }
      await reply()
    },

    async 'history-remove'({ id }) {
      try {
        await store.remove(id)
      } catch (error) {
        console.warn('history entry not removed:', error)
        notify(figma, 'Couldn’t remove this run from History. Try again.', true)
      }
      await reply()
    },
  }
}
