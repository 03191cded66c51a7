// The plugin's UI as Figma shows it: an iframe with a null origin (srcdoc + sandbox without
// allow-same-origin), messages both ways wrapped as { pluginMessage }, and messages from the
// sandbox held back until the iframe has loaded.
import { findPayloadViolation } from './message-rules'

export interface UiFrameOptions {
  width: number
  height: number
  title: string
}

export interface UiFrameHandlers {
  /** A pluginMessage from the UI that passed Figma's payload rules. */
  onMessage(message: unknown): void
  /** A message that Figma would not carry; it is dropped. */
  onViolation(reason: string): void
}

export interface UiFrame {
  readonly element: HTMLIFrameElement
  post(message: unknown): void
  resize(width: number, height: number): void
  close(): void
}

export const PLUGIN_ID = 'gen4-moodboard-dev'

export function openUiFrame(container: HTMLElement, html: string, options: UiFrameOptions, handlers: UiFrameHandlers): UiFrame {
  const iframe = document.createElement('iframe')
  iframe.setAttribute('sandbox', 'allow-scripts')
  iframe.title = options.title
  iframe.srcdoc = html
  let loaded = false
  let closed = false
  const queue: unknown[] = []

  const deliver = (message: unknown) => {
    iframe.contentWindow?.postMessage({ pluginMessage: message, pluginId: PLUGIN_ID }, '*')
  }

  iframe.addEventListener('load', () => {
    loaded = true
    for (const message of queue.splice(0)) deliver(message)
  })

  const onWindowMessage = (event: MessageEvent) => {
    if (closed || event.source !== iframe.contentWindow) return
    const data = event.data as unknown
    if (typeof data !== 'object' || data === null || !('pluginMessage' in data)) return
    const message = (data as { pluginMessage: unknown }).pluginMessage
    const violation = findPayloadViolation(message)
    if (violation) return handlers.onViolation(`UI → plugin: ${violation}`)
    handlers.onMessage(message)
  }
  window.addEventListener('message', onWindowMessage)

  const frame: UiFrame = {
    element: iframe,
    post(message) {
      if (closed) return
      const violation = findPayloadViolation(message)
      if (violation) return handlers.onViolation(`plugin → UI: ${violation}`)
      // Cloned now, as Figma does when postMessage is called: later changes to the object
      // by the sandbox must not show up in the UI.
      const copy = structuredClone(message)
      if (loaded) deliver(copy)
      else queue.push(copy)
    },
    resize(width, height) {
      iframe.style.width = `${Math.max(70, width)}px`
      iframe.style.height = `${Math.max(0, height)}px`
    },
    close() {
      closed = true
      window.removeEventListener('message', onWindowMessage)
      iframe.remove()
    },
  }
  frame.resize(options.width, options.height)
  container.replaceChildren(iframe)
  return frame
}
