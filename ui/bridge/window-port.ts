import type { Bridge, BridgePort } from './bridge'
import { withTransferableBytes } from './transferable-bytes'

// How the bridge meets the real iframe. Figma delivers sandbox messages as
// `event.data.pluginMessage` and takes ours as `{ pluginMessage }` with target origin '*'
// (figma-platform.md §2.2): our iframe has a null origin, so no narrower origin exists.

export function parentPort(target: Window = window.parent): BridgePort {
  return {
    post(message) {
      const { message: pluginMessage, transfer } = withTransferableBytes(message)
      target.postMessage({ pluginMessage }, '*', transfer)
    },
  }
}

/** Routes window messages that carry a `pluginMessage` into the bridge; returns the disconnect. */
export function listenToWindow(bridge: Bridge, source: Window = window): () => void {
  function onMessage(event: MessageEvent) {
    const data: unknown = event.data
    // messages without a pluginMessage are not from the sandbox (devtools, extensions)
    if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return
    bridge.receive((data as { pluginMessage: unknown }).pluginMessage)
  }
  source.addEventListener('message', onMessage)
  return () => source.removeEventListener('message', onMessage)
}
