import { createBridge, type BridgePort, type Timers } from './bridge/bridge'
import type { GeneratorFactory } from './generation/generator'
import { createRecovery, type RecoveryRetry } from './generation/recover-runs'
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
import { connectMessageContexts } from './state/message-contexts'
import { createReferenceActions } from './references/reference-actions'
import type { ObjectUrls } from './state/object-urls'
import type { KeyChecker } from './runware'

// Assembles the UI from its parts. boot.ts passes the browser's pieces; tests pass fakes and
// get the very same wiring.

export interface AppDeps {
  port: BridgePort
  generatorFor: GeneratorFactory
  /** Checks a key with Runware when it is saved. */
  checkKey: KeyChecker
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
  objectUrls: ObjectUrls
  clock: Clock
  timers?: Timers
  newId?: () => string
  /** Makes History's thumbnails; without it runs are recorded without them. */
  codec?: ImageCodec
  /** How soon runs an outage interrupted are asked about again. */
  recoveryRetry?: RecoveryRetry
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
  const recoveryConfig = () => {
    const { endpoint, options } = state.settings.value
    return { apiKey: state.apiKey.value, endpoint, options }
  }
  const controller = createRunController({
    ...deps,
    bridge,
    uploadCache,
    onPlaced: recorder.onPlaced,
    // its task may still be running at Runware: what is missing is fetched once it is reachable
    onInterrupted(run) {
      interruptedTask = run.taskUUID
      recovery.keep(run, recoveryConfig())
    },
  })
  let interruptedTask: string | null = null
  const references = createReferenceActions({ state, bridge, holdsUpload: (uuid) => uploadCache.snapshot().some((entry) => entry.imageUUID === uuid) })
  const actions = createActions({ state, bridge, controller, references, checkKey: deps.checkKey, timers: deps.timers })
  const unsubscribe = bridge.subscribe(createMessageHandler(state, deps.objectUrls))
  // A reference's content hash is worked out when its pixels arrive, not when Generate is
  // clicked; of the bytes the state kept, so an unchanged export finds its hash already known.
  const unsubscribePrepare = bridge.subscribe((message) => {
    if (message.type !== 'reference-image') return
    const kept = state.images.value.get(message.nodeId)
    if (kept?.selectionId === message.selectionId) controller.prepare(kept.bytes)
  })
  // runs a close or an outage cut short: `pending-runs` follows `init`, so the key and endpoint are known
  const recovery = createRecovery({
    ...deps,
    bridge,
    // the interrupted run's "Connection lost" line gives way to the recovery report once Runware answered
    onAnswered(taskUUID) {
      if (taskUUID === interruptedTask && controller.run.value?.phase === 'interrupted') controller.dismiss()
    },
  })
  const unsubscribeRecovery = bridge.subscribe((message) => {
    if (message.type !== 'pending-runs') return
    void recovery.recover(message.runs, recoveryConfig())
  })
  // After the message handler, so they see each message already applied to the state.
  const subscribe = bridge.subscribe.bind(bridge)
  const send = bridge.send.bind(bridge)
  const disconnectContexts = connectMessageContexts(state, history)
  const historyActions = createHistoryActions({ state, history, bridge, actions, references })
  const disconnectHistory = connectHistory({ subscribe, send, controller, recorder, history, secret: () => state.apiKey.value })
  const disconnectQuickRun = connectQuickRun({ state, controller, actions, recorder, history, send, subscribe, timers: deps.timers })
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
      recovery.dispose()
      unsubscribeUploads()
      unsubscribePrepare()
      disconnectHistory()
      disconnectQuickRun()
      disconnectContexts()
      references.dispose()
      bridge.dispose()
      for (const image of state.images.value.values()) deps.objectUrls.revoke(image.url)
    },
  }
}

export type App = ReturnType<typeof createApp>
