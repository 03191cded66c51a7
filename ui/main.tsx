import './styles.css'

import { render } from 'preact'

import { App } from './app'
import { listenToWindow, parentPort } from './bridge/window-port'
import { createApp } from './create-app'
import { fetchImageBytes } from './generation/result-bytes'
import { createRunwareGeneratorFactory } from './generation/runware-generator'
import { createCanvasCodec } from './image/canvas-codec'
import { createImagePipeline } from './image/image-pipeline'
import { browserObjectUrls } from './state/object-urls'

// The iframe's entry: the real browser pieces plugged into the app, then one `ui-ready` so the
// sandbox sends `init` (its messages are queued until the iframe loads, so none are lost).

const codec = createCanvasCodec()
const app = createApp({
  port: parentPort(),
  generatorFor: createRunwareGeneratorFactory(),
  pipeline: createImagePipeline(codec),
  codec,
  fetchBytes: fetchImageBytes,
  objectUrls: browserObjectUrls,
  clock: { now: () => new Date() },
})

listenToWindow(app.bridge)
const root = document.getElementById('app')
if (root) render(<App app={app} />, root)
app.start()
// a prompt typed just before closing would otherwise wait for its debounce and be lost
window.addEventListener('pagehide', () => app.actions.flush())
