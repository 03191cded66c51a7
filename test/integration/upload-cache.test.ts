import { randomUUID } from 'node:crypto'

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { type StoredUpload } from '../../src/common/stored-uploads'
import { startEmulator, type Emulator } from '../emulator/index'
import type { FigmaFake } from '../figma-fake/index'
import { endpointOf, imageNodes, openPlugin, signIn, until, type World } from '../support/plugin-world'
import { UPLOAD_CACHE_STORAGE_KEY } from '../../src/common/storage-keys'

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

const worlds: World[] = []
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
})

function launch(clientStorage: Record<string, unknown> = {}): World {
  const world = openPlugin({ clientStorage })
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
    return selection.state === 'ok' && app.state.references.value.candidates.every((ref) => app.state.images.value.has(ref.nodeId))
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
    await signIn(first, emulator.apiKey, endpointOf(emulator, 'websocket'))
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
    expect(imageNodes(third.fake)).toHaveLength(1)
    await third.fake.flush()
    expect((await storedUploads(third.fake)).map((e) => e.imageUUID)).toEqual(referencesOf(resent!.task))
    expect(fresh.task.taskType).toBe('imageUpload')
  })
})
