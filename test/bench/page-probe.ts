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
  const now = () => performance.timeOrigin + performance.now()
  const record: ProbeRecord = { longTasks: [], iframeInserted: [], uiReady: null, placed: [], generateClicks: [], selections: [] }
  window.__bench = record
  const isTop = window === window.top
  if (isTop) {
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
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }))
}
