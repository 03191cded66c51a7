import type { Handlers } from '../messages/router'
import { shorten } from '../common/shorten'
import type { PluginContext } from './context'
import { MAX_NOTIFY_LENGTH } from './context'

// The end of a Quick Actions run ("Generate from selection"): the hidden UI says what was
// placed (or why nothing was), and the plugin closes with that as its toast.

type QuickHandlers = Pick<Handlers, 'close-plugin'>

export function createQuickHandlers(context: PluginContext): QuickHandlers {
  const { figma } = context
  return {
    'close-plugin'({ message }) {
      // Code after closePlugin may not use the API, so nothing follows.
      figma.closePlugin(shorten(message, MAX_NOTIFY_LENGTH))
    },
  }
}
