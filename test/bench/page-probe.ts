// In-page instrumentation, installed in every frame before any script runs. Timestamps are
// performance.timeOrigin + performance.now(): wall-clock milliseconds comparable across the
// host page, the plugin's iframe and the bench process (same machine clock).
// - host page (where the sandbox runs, as in Figma's main thread): long tasks, and when the
//   plugin's iframe is inserted (the moment showUI opens it);
// - plugin iframe: when the UI became interactive (the prompt field is on screen), each
//   `result-placed` reply from the sandbox, and each click on Generate.

export interface ProbeRecord {
  longTasks: Array<{ start: number; duration: number; name: string }>
  iframeInserted: number[]
  uiReady: number | null
  placed: number[]
  generateClicks: number[]
  /** Every `selection` the UI received, in order, and which references' pixels came for each. */
  selections: Array<{ selectionId: number; nodeIds: string[]; images: string[] }>
}

declare global {
  interface Window {
    __bench?: ProbeRecord
  }
}

/** Passed to page.addInitScript: must stay self-contained (it is serialised). */
export function installProbe(): void {
  // installed twice in the plugin's iframe when the init script also reaches it (below)
  if (window.__bench) return
  const now = () => performance.timeOrigin + performance.now()
  const record: ProbeRecord = { longTasks: [], iframeInserted: [], uiReady: null, placed: [], generateClicks: [], selections: [] }
  window.__bench = record
  const isTop = window === window.top
  if (isTop) {
    // The plugin's iframe gets a process of its own (sandboxed, null origin), and Playwright's
    // init script does not reliably run there before the document's own inline script: a UI
    // that renders while it parses would go unseen. So the probe also rides in the srcdoc
    // itself, as the first script of <head>; the HTML the plugin handed over is otherwise
    // unchanged. Only this bench-only init script does it, never the host.
    const srcdoc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc')!
    // the function's own text mentions the closing tag: escaped so it cannot end the element
    const source = installProbe.toString().replace(/<\/(script)/gi, '<\\/$1')
    const probeTag = ['<script>(', source, ')()</', 'script>'].join('')
    Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
      ...srcdoc,
      set(this: HTMLIFrameElement, html: string) {
        const head = /<head[^>]*>/i.exec(html)
        const doctype = /^\s*<!doctype[^>]*>/i.exec(html)
        const at = head ? head.index + head[0].length : doctype ? doctype[0].length : 0
        srcdoc.set!.call(this, html.slice(0, at) + probeTag + html.slice(at))
      },
    })
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration, name: entry.name })
    }).observe({ type: 'longtask', buffered: true })
    new MutationObserver((mutations) => {
      for (const mutation of mutations) for (const node of mutation.addedNodes) if (node.nodeName === 'IFRAME') record.iframeInserted.push(now())
    }).observe(document, { childList: true, subtree: true })
    return
  }
  window.addEventListener('message', (event: MessageEvent) => {
    const message = (event.data as { pluginMessage?: { type?: string; selectionId?: number; nodeId?: string; references?: Array<{ nodeId: string }> } } | null)?.pluginMessage
    if (message?.type === 'result-placed') record.placed.push(now())
    if (message?.type === 'selection') record.selections.push({ selectionId: message.selectionId ?? -1, nodeIds: (message.references ?? []).map((r) => r.nodeId), images: [] })
    if (message?.type === 'reference-image') {
      const selection = record.selections.find((s) => s.selectionId === message.selectionId)
      if (selection && message.nodeId) selection.images.push(message.nodeId)
    }
  })
  window.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button')
    if (button && /^\s*Generate/.test(button.textContent ?? '')) record.generateClicks.push(now())
  }, true)
  const watch = new MutationObserver(() => {
    if (record.uiReady === null && document.querySelector('.app textarea')) {
      record.uiReady = now()
      watch.disconnect()
    }
  })
  // watched from the document's start: a UI that renders while its script is still parsing
  // must be seen as well as one that renders after a message from the sandbox
  watch.observe(document, { childList: true, subtree: true })
}
