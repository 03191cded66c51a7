import type { Bridge, BridgePort } from './bridge'
import { withTransferableBytes } from './transferable-bytes'

// How the bridge meets the real iframe. Figma delivers sandbox messages as
// `event.data.pluginMessage` and takes ours as `{ pluginMessage }` with target origin '*'
// (Figma's message passing): our iframe has a null origin, so no narrower origin exists.

export function parentPort(target: Window = window.parent): BridgePort {
  return {
    post(message) {
      const { message: pluginMessage, transfer } = withTransferableBytes(message)
      target.postMessage({ pluginMessage }, '*', transfer)
    },
  }
}

export interface ListenOptions {
  /** Where messages arrive: the iframe's own window. */
  source?: Window
  /** The only window allowed to speak for the sandbox: Figma posts from the iframe's parent. */
  sender?: Window | null
  warn?: (message: string) => void
}

/**
 * Routes window messages that carry a `pluginMessage` into the bridge; returns the
 * disconnect. Any other frame in the page can post to this window too, so a message is
 * applied only when it comes from the parent (a forged `init` or `key-state` is dropped).
 */
export function listenToWindow(bridge: Bridge, options: ListenOptions = {}): () => void {
  const source = options.source ?? window
  const sender = options.sender === undefined ? window.parent : options.sender
  const warn = options.warn ?? ((message: string) => console.warn(`[gen4 ui] ${message}`))
  function onMessage(event: MessageEvent) {
    const data: unknown = event.data
    // messages without a pluginMessage are not from the sandbox (devtools, extensions)
    if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return
    // said without the payload: it is not ours to repeat, and may be made to look like ours
    if (event.source !== sender) return warn('plugin message ignored: it did not come from the window that hosts the plugin')
    bridge.receive((data as { pluginMessage: unknown }).pluginMessage)
  }
  source.addEventListener('message', onMessage)
  return () => source.removeEventListener('message', onMessage)
}
