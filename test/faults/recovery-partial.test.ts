import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { type PendingRun } from '../../src/common/pending-run'
import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { startEmulator, type Emulator } from '../emulator/index'
import { createFigmaFake } from '../figma-fake/index'
import { sharpRasterizer } from '../figma-fake/node-rasterizer'
import { addFrames, endpointOf, imageNodes, leftovers, openPlugin, realDownload, selectAndWait, signIn, until, type World } from '../support/plugin-world'
import { PENDING_RUNS_STORAGE_KEY, RECORD_KEY } from '../../src/common/storage-keys'

// A run partly on the canvas when the plugin closed: recovery asks Runware for the task by its
// taskUUID and places only what is not on the canvas yet, judged by imageUUID. A task Runware
// no longer knows is named in the report and its pending entry is dropped.

let emulator: Emulator
const worlds: World[] = []
beforeAll(async () => {
  emulator = await startEmulator()
})
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
  emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
})
afterAll(async () => {
  await emulator.close()
})

const inferences = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')
const imageUUIDs = (world: World) => imageNodes(world.fake).map((node) => decodeRecord(node.getPluginData(RECORD_KEY))?.imageUUID)

it('2 of 4 placed before the close: recovery places just the other 2 and says so', async () => {
  const first = openPlugin()
  worlds.push(first)
  const [frame] = addFrames(first.fake)
  await signIn(first, emulator.apiKey, endpointOf(emulator, 'websocket'))
  await selectAndWait(first, [frame!])
  // one result at a time, far enough apart to close between the second and the third
  emulator.setOptions({ latencyMs: 0, staggerMs: 900 })
  const sentBefore = inferences().length
  first.app.actions.setPrompt('a harbour half finished')
  first.app.actions.pickSize({ width: 720, height: 720 })
  first.app.actions.setCount(4)
  void first.app.actions.generate()
  await until(() => imageNodes(first.fake).length === 2, 'two results on the canvas')
  await first.fake.flush()
  const placedFirst = imageUUIDs(first)
  const stored = (await first.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)) as PendingRun[]
  expect(stored).toHaveLength(1)
  expect([...stored[0]!.placedImageUUIDs].sort()).toEqual([...placedFirst].sort())
  expect(imageNodes(first.fake)).toHaveLength(2)

  first.fake.closeByUser()
  first.closed = true
  // the placed two stay; the two unfilled placeholders went with the close
  expect(imageNodes(first.fake)).toHaveLength(2)
  expect(leftovers(first.fake)).toEqual([])

  first.fake.relaunch()
  const second = openPlugin({ fake: first.fake })
  worlds.push(second)
  await until(() => second.app.recovery.report.value.length > 0, 'the recovery report', 15_000)
  await second.fake.flush()
  expect(second.app.recovery.report.value).toEqual(['Recovered 2 images from the interrupted run “a harbour half finished”.'])
  const all = imageUUIDs(second)
  expect(all).toHaveLength(4)
  expect(new Set(all).size).toBe(4)
  expect(all.filter((uuid) => placedFirst.includes(uuid))).toHaveLength(2)
  expect(leftovers(second.fake)).toEqual([])
  expect(inferences().length).toBe(sentBefore + 1)
  expect(await second.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toBeUndefined()
})

it('names the run Runware no longer knows, recovers the one it does, and clears both entries', async () => {
  // a finished task Runware still holds, to recover alongside the lost one
  const earlier = openPlugin()
  worlds.push(earlier)
  const [frame] = addFrames(earlier.fake)
  await signIn(earlier, emulator.apiKey, endpointOf(emulator, 'rest'))
  await selectAndWait(earlier, [frame!])
  earlier.app.actions.setPrompt('a harbour Runware still holds')
  earlier.app.actions.pickSize({ width: 720, height: 720 })
  earlier.app.actions.setCount(1)
  await earlier.app.actions.generate()
  const known = String(inferences().at(-1)!.task.taskUUID)

  const pending: PendingRun[] = [
    {
      taskUUID: known,
      plan: { runId: 'run-known', prompt: 'a harbour Runware still holds', size: { width: 720, height: 720 }, count: 1, referenceNodeIds: ['1:999'] },
      placedImageUUIDs: [],
      sentAt: Date.now() - 60_000,
    },
    {
      taskUUID: '0b7a1c1e-1111-4222-8333-444455550000',
      plan: { runId: 'run-lost', prompt: 'a lighthouse half gone', size: { width: 720, height: 720 }, count: 4, referenceNodeIds: ['1:999'] },
      placedImageUUIDs: ['0b7a1c1e-aaaa-4222-8333-444455550001', '0b7a1c1e-aaaa-4222-8333-444455550002'],
      sentAt: Date.now() - 60_000,
    },
  ]
  const fake = createFigmaFake({
    rasterizer: sharpRasterizer,
    fetchImage: realDownload,
    clientStorage: {
      [API_KEY_STORAGE_KEY]: emulator.apiKey,
      [SETTINGS_STORAGE_KEY]: { endpoint: endpointOf(emulator, 'rest'), consentGiven: true },
      [PENDING_RUNS_STORAGE_KEY]: pending,
    },
  })
  const world = openPlugin({ fake })
  worlds.push(world)
  await until(() => world.app.recovery.report.value.length === 2, 'both report lines', 15_000)
  await fake.flush()
  const [recovered, lost] = world.app.recovery.report.value
  expect(recovered).toBe('Recovered 1 image from the interrupted run “a harbour Runware still holds”.')
  expect(lost).toMatch(/^Could not recover the interrupted run “a lighthouse half gone” \(.+\)\. Runware may still bill/)
  expect(imageNodes(fake)).toHaveLength(1)
  expect(leftovers(fake)).toEqual([])
  expect(await fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toBeUndefined()
})
