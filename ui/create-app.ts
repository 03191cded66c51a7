import { createBridge, type BridgePort, type Timers } from './bridge/bridge'
import type { GeneratorFactory } from './generation/generator'
import { createRecovery } from './generation/recover-runs'
import type { FetchBytes } from './generation/result-bytes'
import { createRunController, type Clock } from './generation/run-controller'
import { createStoredUploadCache } from './generation/stored-upload-cache'
import { connectHistory } from './history/connect-history'
import { createHistoryActions } from './history/history-actions'
import { createHistoryState } from './history/history-state'
import { createRunRecorder } from './history/run-recorder'
import type { ImageCodec } from './image/image-codec'
import type { ImagePipeline } from './image/image-pipeline'
import { connectQuickRun } from './quick/quick-run'
import { createActions } from './state/app-actions'
import { createAppState } from './state/app-state'
import { createMessageHandler } from './state/apply-message'
import { createReferenceActions } from './references/reference-actions'
import type { ObjectUrls } from './state/object-urls'

// Assembles the UI from its parts. boot.ts passes the browser's pieces; tests pass fakes and
// get the very same wiring.

export interface AppDeps {
  port: BridgePort
  generatorFor: GeneratorFactory
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
  objectUrls: ObjectUrls
  clock: Clock
  timers?: Timers
  newId?: () => string
  /** Makes History's thumbnails; without it runs are recorded without them. */
  codec?: ImageCodec
}

export function createApp(deps: AppDeps) {
  const bridge = createBridge({ port: deps.port, timers: deps.timers, newId: deps.newId })
  const state = createAppState()
  const history = createHistoryState()
  const recorder = createRunRecorder({ send: (message) => bridge.send(message), state: history, codec: deps.codec })
  // uploads survive a relaunch: the sandbox keeps the cache in clientStorage and sends it in `init`
  const uploadCache = createStoredUploadCache({ save: (entries) => bridge.send({ type: 'save-uploads', entries }) })
  const unsubscribeUploads = bridge.subscribe((message) => {
    if (message.type === 'init') uploadCache.load(message.uploads ?? [])
  })
  const controller = createRunController({ ...deps, bridge, uploadCache, onPlaced: recorder.onPlaced })
  const references = createReferenceActions({ state, bridge, holdsUpload: (uuid) => uploadCache.snapshot().some((entry) => entry.imageUUID === uuid) })
  const actions = createActions({ state, bridge, controller, references, timers: deps.timers })
  const unsubscribe = bridge.subscribe(createMessageHandler(state, deps.objectUrls))
  // A reference's content hash is worked out when its pixels arrive, not when Generate is
  // clicked; of the bytes the state kept, so an unchanged export finds its hash already known.
  const unsubscribePrepare = bridge.subscribe((message) => {
    if (message.type !== 'reference-image') return
    const kept = state.images.value.get(message.nodeId)
    if (kept?.selectionId === message.selectionId) controller.prepare(kept.bytes)
  })
  // runs a close cut short: `pending-runs` follows `init`, so the key and endpoint are known
  const recovery = createRecovery({ ...deps, bridge })
  const unsubscribeRecovery = bridge.subscribe((message) => {
    if (message.type !== 'pending-runs') return
    const { endpoint, options } = state.settings.value
    void recovery.recover(message.runs, { apiKey: state.apiKey.value, endpoint, options })
  })
  // After the message handler, so they see each message already applied to the state.
  const subscribe = bridge.subscribe.bind(bridge)
  const send = bridge.send.bind(bridge)
  const historyActions = createHistoryActions({ state, history, bridge, actions, references })
  const disconnectHistory = connectHistory({ subscribe, send, controller, recorder, history })
  const disconnectQuickRun = connectQuickRun({ state, controller, actions, recorder, send, subscribe, timers: deps.timers })
  return {
    history,
    historyActions,
    objectUrls: deps.objectUrls,
    state,
    actions,
    references,
    controller,
    bridge,
    recovery,
    /** Tells the sandbox the UI is listening; it answers with `init`. */
    start() {
      bridge.send({ type: 'ui-ready' })
    },
    dispose() {
      actions.flush()
      unsubscribe()
      unsubscribeRecovery()
      unsubscribeUploads()
      unsubscribePrepare()
      disconnectHistory()
      disconnectQuickRun()
      references.dispose()
      bridge.dispose()
      for (const image of state.images.value.values()) deps.objectUrls.revoke(image.url)
    },
  }
}

export type App = ReturnType<typeof createApp>
