import { createBridge, type BridgePort, type Timers } from './bridge/bridge'
import type { GeneratorFactory } from './generation/generator'
import type { FetchBytes } from './generation/result-bytes'
import { createRunController, type Clock } from './generation/run-controller'
import type { ImagePipeline } from './image/image-pipeline'
import { createActions } from './state/app-actions'
import { createAppState } from './state/app-state'
import { createMessageHandler } from './state/apply-message'
import type { ObjectUrls } from './state/object-urls'

// Assembles the UI from its parts. main.tsx passes the browser's pieces; tests pass fakes and
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
}

export function createApp(deps: AppDeps) {
  const bridge = createBridge({ port: deps.port, timers: deps.timers, newId: deps.newId })
  const state = createAppState()
  const controller = createRunController({
    bridge,
    generatorFor: deps.generatorFor,
    pipeline: deps.pipeline,
    fetchBytes: deps.fetchBytes,
    clock: deps.clock,
    newId: deps.newId,
  })
  const actions = createActions({ state, bridge, controller, timers: deps.timers })
  const unsubscribe = bridge.subscribe(createMessageHandler(state, deps.objectUrls))
  return {
    state,
    actions,
    controller,
    bridge,
    /** Tells the sandbox the UI is listening; it answers with `init`. */
    start() {
      bridge.send({ type: 'ui-ready' })
    },
    dispose() {
      actions.flush()
      unsubscribe()
      bridge.dispose()
      for (const image of state.images.value.values()) deps.objectUrls.revoke(image.url)
    },
  }
}

export type App = ReturnType<typeof createApp>
