import { parsePluginToUi } from '../common/protocol'
import type { PluginToUi } from '../common/protocol'

// The one way the sandbox talks to the UI. Outgoing messages are checked against the same
// schema the UI parses with, so a malformed one is caught here, where it was made.

export type Post = (message: PluginToUi) => void

export function createPost(ui: UIAPI): Post {
  return (message) => {
    const parsed = parsePluginToUi(message)
    if (!parsed.ok) {
      console.error(`not sent: ${parsed.reason}`)
      return
    }
    ui.postMessage(message)
  }
}
