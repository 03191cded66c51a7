import { readiness } from '../../ui/state/readiness'
import { effect } from '../../ui/lib/signals'
import WebSocket from 'ws'

import type { Endpoint } from '../../ui/state/settings'
import { createPlugin } from '../../src/plugin'
import { createApp, type App } from '../../ui/create-app'
import { createRunwareGeneratorFactory } from '../../ui/generation/runware-generator'
import { progressText } from '../../ui/generation/run-state'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { createKeyChecker, createRunwareClient, type ClientTuning } from '../../ui/runware'
import type { Emulator } from '../emulator/index'
import { createFigmaFake, type FigmaFake } from '../figma-fake/index'
import { sharpRasterizer } from '../figma-fake/node-rasterizer'
import { sharpCodec } from './sharp-codec'

// The plugin as a whole without a browser: the real sandbox on the Figma fake, the real UI
// logic (createApp), the real Runware client, against the emulator on loopback. Used by the
// integration, fault and bad-input suites, with short retry and poll timings so a matrix of
// faults runs in seconds, and hooks to swap the image download and the fetch used for REST. The
// timeouts stay well above what a loaded 2-core CI machine needs to answer on loopback: a
// timeout that fires early would turn a passing case into a false fault.

export const FAST_TUNING: Partial<ClientTuning> = {
  authTimeoutMs: 2500,
  replyTimeoutMs: 6000,
  requestTimeoutMs: 8000,
  uploadTimeoutMs: 6000,
  retry: { maxRetries: 3, baseMs: 20, factor: 2, maxMs: 200, jitter: 0.3 },
  reconnect: { maxRetries: 3, baseMs: 20, factor: 2, maxMs: 200, jitter: 0.3 },
  poll: { firstMs: 20, factor: 1.5, maxMs: 100, timeoutMs: 10_000 },
}

/** Runs an outage interrupted are asked about again soon, so a test sees them recovered in a second or two. */
export const FAST_RECOVERY_RETRY = { firstMs: 150, factor: 2, maxMs: 600 }

export interface World {
  fake: FigmaFake
  app: App
  /** Every distinct status line the designer saw, in order. */
  seen: string[]
  /** The download the UI uses for URL output; tests swap it. */
  fetchBytes: (url: string) => Promise<Uint8Array>
  /** The fetch behind the REST transport; tests wrap it. */
  fetchImpl: typeof fetch
  /** Set when the plugin window is gone: the old UI's messages then go nowhere, as in Figma. */
  closed: boolean
}

export async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

export const realDownload = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer())

export interface OpenOptions {
  fake?: FigmaFake
  fetchImage?: (url: string) => Promise<Uint8Array>
  /** clientStorage as a previous launch left it (settings, key, caches). */
  clientStorage?: Record<string, unknown>
  /** The launch Figma reports to the sandbox before the UI starts, e.g. Quick Actions with a prompt. */
  launch?: { command?: string; parameters?: ParameterValues }
}

/** Starts the sandbox on `fake` (a new one by default) and a UI wired to it. */
export function openPlugin(options: OpenOptions = {}): World {
  const fake =
    options.fake ??
    createFigmaFake({ rasterizer: sharpRasterizer, fetchImage: options.fetchImage ?? realDownload, clientStorage: options.clientStorage })
  createPlugin(fake.figma, '<div id="app"></div>')
  if (options.launch) fake.runEvents.fire(options.launch)
  const world = {} as World
  world.fake = fake
  world.seen = []
  world.fetchBytes = realDownload
  world.fetchImpl = (input, init) => fetch(input, init)
  world.closed = false
  const app = createApp({
    port: { post: (message) => void (world.closed || fake.ui.postToPlugin(message)) },
    generatorFor: createRunwareGeneratorFactory((config) =>
      createRunwareClient({
        ...config,
        WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket,
        fetchImpl: (input, init) => world.fetchImpl(input, init),
        tuning: FAST_TUNING,
      }),
    ),
    checkKey: createKeyChecker({ WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket, timeoutMs: FAST_TUNING.authTimeoutMs! }),
    pipeline: createImagePipeline(sharpCodec),
    fetchBytes: (url) => world.fetchBytes(url),
    objectUrls: { create: () => 'blob:thumbnail', revoke: () => undefined },
    clock: { now: () => new Date() },
    recoveryRetry: FAST_RECOVERY_RETRY,
  })
  world.app = app
  fake.ui.onMessageFromPlugin((message) => app.bridge.receive(message))
  effect(() => {
    const run = app.controller.run.value
    if (!run) return
    const text = progressText(run)
    if (world.seen.at(-1) !== text) world.seen.push(text)
  })
  app.start()
  return world
}

export function endpointOf(emulator: Emulator, connection: Endpoint['connection']): Endpoint {
  return { connection, restUrl: `${emulator.url}/v1`, wsUrl: emulator.wsUrl }
}

export async function signIn(world: World, key: string, endpoint: Endpoint): Promise<void> {
  const { app } = world
  await until(() => app.state.ready.value, 'init from the sandbox')
  app.actions.saveEndpoint(endpoint)
  if (!(await app.actions.saveKey(key))) throw new Error(`key not saved: ${JSON.stringify(app.state.keyCheck.value)}`)
  app.actions.acknowledgeConsent()
  await until(() => app.state.apiKey.value === key, 'the key to be stored')
}

/** A small frame: exports and renders stay cheap. */
export function addFrames(fake: FigmaFake, count = 1): FrameNode[] {
  return Array.from({ length: count }, (_, i) =>
    fake.addFrame({ name: `Mood ${i + 1}`, x: i * 300, y: 0, width: 200, height: 150, fill: { r: 0.2 + i * 0.2, g: 0.4, b: 0.8 } }),
  )
}

export async function selectAndWait(world: World, nodes: SceneNode[], state = 'ok'): Promise<void> {
  world.fake.select(nodes)
  await until(() => {
    const selection = world.app.state.selection.value
    if (selection.state !== state) return false
    // the selection asked for, not the one before it
    if (state === 'ok' && world.app.state.references.value.candidates.map((ref) => ref.nodeId).join() !== nodes.map((node) => node.id).join()) return false
    // every listed node has its image (a preview past the first three), the chosen ones at full size
    const images = world.app.state.images.value
    if (!world.app.state.references.value.candidates.every((ref) => images.get(ref.nodeId)?.selectionId === selection.selectionId)) return false
    return readiness(world.app.state).references.every((ref) => ref.bytes)
  }, `selection state ${state} with its images`)
}

export function imageNodes(fake: FigmaFake): SceneNode[] {
  return fake.allNodes().filter((node) => 'fills' in node && (node.fills as readonly Paint[]).some((p) => p.type === 'IMAGE'))
}

/** Nodes the plugin made that are not images: placeholders, labels, empty sections. */
export function leftovers(fake: FigmaFake): string[] {
  return fake
    .allNodes()
    .filter((node) => !(node.type === 'FRAME' && node.name.startsWith('Mood')))
    .filter((node) => !imageNodes(fake).includes(node) && !(node.type === 'SECTION' && (node as SectionNode).children.length > 0))
    .map((node) => `${node.type} ${node.name}`)
}

/** Runs one generation with the form as it is and waits for the canvas to settle. */
export async function generate(world: World, prompt = 'a quiet harbour', count = 2, size = { width: 720, height: 720 }): Promise<void> {
  world.seen.length = 0
  world.app.actions.setPrompt(prompt)
  world.app.actions.pickSize(size)
  world.app.actions.setCount(count)
  await world.app.actions.generate()
  await world.fake.flush()
}
