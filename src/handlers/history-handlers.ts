import type { Handlers } from '../messages/router'
import type { HistoryStore } from '../storage/history-store'
import type { PluginContext } from './context'
import { notify } from './context'
import { containsSecret } from '../common/secret'

// History lives in the sandbox's clientStorage (the iframe has no storage of its own);
// every change is answered with the whole list so the UI never guesses what was stored.

type HistoryHandlers = Pick<Handlers, 'history-list' | 'history-add' | 'history-remove'>

export function createHistoryHandlers(context: PluginContext, store: HistoryStore): HistoryHandlers {
  const { figma, post } = context

  async function reply(): Promise<void> {
    post({ type: 'history', ...(await store.read()) })
  }

  return {
    async 'history-list'() {
      await reply()
    },

    async 'history-add'({ entry }) {
      try {
        // an entry whose prompt holds the key is never written, whatever sent it
        if (containsSecret(entry.prompt, await context.apiKey.read())) console.warn('history entry refused: its prompt contains the API key')
        else await store.add(entry)
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
