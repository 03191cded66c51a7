// These imports set the order of the modules in app.js, and gzip only looks 32 kB back. The
// view first (after Preact, near the stylesheet and first-paint markup whose class names and
// words it repeats), then the Runware client, the browser's pieces, and the app's wiring with
// its schemas last: ~140 B smaller gzipped than the alphabetical order.
import { adoptFirstPaint } from './adopt-first-paint'
import { createRunwareGeneratorFactory } from './generation/runware-generator'
import { listenToWindow, parentPort } from './bridge/window-port'
import { fetchImageBytes } from './generation/result-bytes'
import { createCanvasCodec } from './image/canvas-codec'
import { createImagePipeline } from './image/image-pipeline'
import { browserObjectUrls } from './state/object-urls'
import { createApp } from './create-app'
import { createKeyChecker, DEFAULT_TUNING } from './runware'

// The app proper, started by app-main.ts once the form is on screen: the real browser pieces
// plugged into it, the drawn form adopted, then one `ui-ready` so the sandbox sends `init`.
// Nothing is missed by starting now: the sandbox speaks only in answer to `ui-ready`.

export function boot(root: HTMLElement | null): void {
  const codec = createCanvasCodec()
  const app = createApp({
    port: parentPort(),
    generatorFor: createRunwareGeneratorFactory(),
    checkKey: createKeyChecker({ WebSocketImpl: globalThis.WebSocket, timeoutMs: DEFAULT_TUNING.authTimeoutMs }),
    pipeline: createImagePipeline(codec),
    codec,
    fetchBytes: fetchImageBytes,
    objectUrls: browserObjectUrls,
    clock: { now: () => new Date() },
  })
  listenToWindow(app.bridge)
  if (root) adoptFirstPaint(root, app)
  app.start()
  // a prompt typed just before closing would otherwise wait for its debounce and be lost
  window.addEventListener('pagehide', () => app.actions.flush())
  // the network is back: runs an outage interrupted are asked about now rather than at the next retry
  window.addEventListener('online', () => app.recovery.retryNow())
}
