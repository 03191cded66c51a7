import { randomUUID } from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { UPLOAD_CACHE_STORAGE_KEY, type StoredUpload } from '../../src/common/stored-uploads'
import { startPlugin } from '../../src/plugin'
import { createApp, type App } from '../../ui/create-app'
import { createRunwareGeneratorFactory } from '../../ui/generation/runware-generator'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { createRunwareClient } from '../../ui/runware'
import { startEmulator, type Emulator } from '../emulator/index'
import { createFigmaFake, type FigmaFake } from '../figma-fake/index'
import { sharpRasterizer } from '../figma-fake/node-rasterizer'
import { sharpCodec } from '../support/sharp-codec'

// The real sandbox, UI logic and Runware client against the emulator, across relaunches: an
// upload is reused from clientStorage after a relaunch, and a stored UUID Runware no longer
// knows is uploaded again and the task re-sent once under a new taskUUID.

let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator()
})
afterAll(async () => {
  await emulator.close()
})

interface World {
  fake: FigmaFake
  app: App
}
const worlds: World[] = []
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
})

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function launch(clientStorage: Record<string, unknown> = {}): World {
  const fake = createFigmaFake({ rasterizer: sharpRasterizer, clientStorage })
  startPlugin(fake.figma, '<div id="app"></div>')
  const app = createApp({
    port: { post: (message) => fake.ui.postToPlugin(message) },
    generatorFor: createRunwareGeneratorFactory((config) =>
      createRunwareClient({ ...config, WebSocketImpl: WebSocket as unknown as typeof globalThis.WebSocket }),
    ),
    pipeline: createImagePipeline(sharpCodec),
    fetchBytes: async (url) => new Uint8Array(await (await fetch(url)).arrayBuffer()),
    objectUrls: { create: () => 'blob:thumbnail', revoke: () => undefined },
    clock: { now: () => new Date() },
  })
  fake.ui.onMessageFromPlugin((message) => app.bridge.receive(message))
  app.start()
  const world = { fake, app }
  worlds.push(world)
  return world
}

async function storageOf(fake: FigmaFake): Promise<Record<string, unknown>> {
  const copy: Record<string, unknown> = {}
  for (const key of await fake.figma.clientStorage.keysAsync()) copy[key] = await fake.figma.clientStorage.getAsync(key)
  return copy
}

async function storedUploads(fake: FigmaFake): Promise<StoredUpload[]> {
  return ((await fake.figma.clientStorage.getAsync(UPLOAD_CACHE_STORAGE_KEY)) as StoredUpload[] | undefined) ?? []
}

/** The same frame on every launch, so its exported bytes (and content hash) are the same. */
async function generateFromFrame(world: World): Promise<void> {
  const { fake, app } = world
  const frame = fake.addFrame({ name: 'Mood', x: 0, y: 0, width: 400, height: 300, fill: { r: 0.9, g: 0.2, b: 0.2 } })
  fake.select([frame])
  await until(() => {
    const selection = app.state.selection.value
    return selection.state === 'ok' && selection.references.every((ref) => app.state.images.value.has(ref.nodeId))
  }, 'the frame’s pixels in the UI')
  app.actions.setPrompt('a foggy harbour at dawn')
  app.actions.setCount(1)
  await app.actions.generate()
  await fake.flush()
}

const uploads = () => emulator.tasks.filter((t) => t.task.taskType === 'imageUpload')
const inferences = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')
const referencesOf = (task: Record<string, unknown>) => (task.inputs as { referenceImages: unknown[] }).referenceImages

describe('upload cache across launches (websocket)', () => {
  it('reuses a stored upload after a relaunch, and re-uploads once when Runware no longer knows it', async () => {
    // first launch: sign in, upload, generate; the cache goes to clientStorage
    const first = launch()
    await until(() => first.app.state.ready.value, 'init')
    first.app.actions.saveEndpoint({ connection: 'websocket', restUrl: `${emulator.url}/v1`, wsUrl: emulator.wsUrl })
    expect(first.app.actions.saveKey(emulator.apiKey)).toBeNull()
    first.app.actions.acknowledgeConsent()
    await until(() => first.app.state.apiKey.value === emulator.apiKey, 'the key to be stored')
    const uploadsBefore = uploads().length
    await generateFromFrame(first)
    expect(first.app.controller.run.value?.phase).toBe('done')
    expect(uploads()).toHaveLength(uploadsBefore + 1)
    await first.fake.flush()
    const [stored] = await storedUploads(first.fake)
    expect(stored?.imageUUID).toBe(referencesOf(inferences().at(-1)!.task)[0])
    // the key itself is never part of the cache
    expect(JSON.stringify(await storedUploads(first.fake))).not.toContain(emulator.apiKey)

    // relaunch with the same storage: no upload, the stored UUID goes out
    const second = launch(await storageOf(first.fake))
    await until(() => second.app.state.apiKey.value === emulator.apiKey, 'init with the stored key')
    await generateFromFrame(second)
    expect(second.app.controller.run.value?.phase).toBe('done')
    expect(uploads()).toHaveLength(uploadsBefore + 1)
    expect(referencesOf(inferences().at(-1)!.task)).toEqual([stored!.imageUUID])

    // relaunch with a stored UUID Runware never saw: refused, uploaded again, re-sent once
    const storage = await storageOf(second.fake)
    const forgotten = randomUUID()
    storage[UPLOAD_CACHE_STORAGE_KEY] = (storage[UPLOAD_CACHE_STORAGE_KEY] as StoredUpload[]).map((e) => ({ ...e, imageUUID: forgotten }))
    const third = launch(storage)
    await until(() => third.app.state.apiKey.value === emulator.apiKey, 'init with the stored key')
    const inferencesBefore = inferences().length
    await generateFromFrame(third)
    const run = third.app.controller.run.value
    expect(run?.error).toBeNull()
    expect(run?.phase).toBe('done')
    const [refused, resent] = inferences().slice(inferencesBefore)
    expect(inferences()).toHaveLength(inferencesBefore + 2)
    expect(referencesOf(refused!.task)).toEqual([forgotten])
    expect(uploads()).toHaveLength(uploadsBefore + 2)
    const fresh = uploads().at(-1)!
    expect(referencesOf(resent!.task)).not.toEqual([forgotten])
    expect(resent!.task.taskUUID).not.toBe(refused!.task.taskUUID)
    expect(third.fake.allNodes().filter((n) => 'fills' in n && (n.fills as readonly Paint[]).some((p) => p.type === 'IMAGE'))).toHaveLength(1)
    await third.fake.flush()
    expect((await storedUploads(third.fake)).map((e) => e.imageUUID)).toEqual(referencesOf(resent!.task))
    expect(fresh.task.taskType).toBe('imageUpload')
  })
})
