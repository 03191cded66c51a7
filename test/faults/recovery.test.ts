import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { startEmulator, type Emulator } from '../emulator/index'
import { createFigmaFake } from '../figma-fake/index'
import { sharpRasterizer } from '../figma-fake/node-rasterizer'
import { addFrames, endpointOf, imageNodes, leftovers, openPlugin, realDownload, selectAndWait, signIn, until, type World } from '../support/plugin-world'
import { PENDING_RUNS_STORAGE_KEY } from '../../src/common/storage-keys'

// Closing the plugin mid-run loses nothing retrievable: the task is in clientStorage from the
// moment it is sent; the close clears the unfilled placeholders; the next launch asks Runware
// for the task by its taskUUID, places what it gets and says what happened.

let emulator: Emulator
const worlds: World[] = []
beforeAll(async () => {
  emulator = await startEmulator()
})
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
  emulator.setOptions({ latencyMs: 0 })
})
afterAll(async () => {
  await emulator.close()
})

const inferences = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')

describe.each(['websocket', 'rest'] as const)('recovery after close (%s)', (connection) => {
  it('places the results of a run cut short on the next launch, without sending the task again', async () => {
    const first = openPlugin()
    worlds.push(first)
    const [frame] = addFrames(first.fake)
    await signIn(first, emulator.apiKey, endpointOf(emulator, connection))
    await selectAndWait(first, [frame!])
    emulator.setOptions({ latencyMs: 600 })
    const sentBefore = inferences().length
    first.app.actions.setPrompt('a <b>harbour</b> interrupted')
    first.app.actions.pickSize({ width: 720, height: 720 })
    first.app.actions.setCount(2)
    void first.app.actions.generate()
    await until(() => inferences().length === sentBefore + 1, 'the task to reach Runware')
    await first.fake.flush()
    const stored = await first.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)
    expect(stored).toHaveLength(1)

    // the designer closes the plugin while Runware is still working
    first.fake.closeByUser()
    first.closed = true
    expect(leftovers(first.fake)).toEqual([])
    expect(imageNodes(first.fake)).toHaveLength(0)

    // next launch, same document and clientStorage
    first.fake.relaunch()
    const second = openPlugin({ fake: first.fake })
    worlds.push(second)
    await until(() => second.app.recovery.report.value.length > 0, 'the recovery report', 15_000)
    await second.fake.flush()
    expect(second.app.recovery.report.value).toEqual(['Recovered 2 images from the interrupted run “a <b>harbour</b> interrupted”.'])
    const placed = imageNodes(second.fake)
    expect(placed).toHaveLength(2)
    for (const node of placed) expect([node.width, node.height]).toEqual([720, 720])
    expect(leftovers(second.fake)).toEqual([])
    // asked about by id, never sent again as a new paid task
    expect(inferences().length).toBe(sentBefore + 1)
    expect(emulator.tasks.some((t) => t.task.taskType === 'getResponse')).toBe(true)
    expect(await second.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toBeUndefined()
  })
})

it('says plainly which interrupted run could not be recovered, and clears it', async () => {
  const fake = createFigmaFake({
    rasterizer: sharpRasterizer,
    fetchImage: realDownload,
    clientStorage: {
      [API_KEY_STORAGE_KEY]: emulator.apiKey,
      [SETTINGS_STORAGE_KEY]: { endpoint: endpointOf(emulator, 'rest'), consentGiven: true },
      [PENDING_RUNS_STORAGE_KEY]: [
        {
          taskUUID: '0b7a1c1e-1111-4222-8333-444455556666',
          plan: { runId: 'run-gone', prompt: 'a lost lighthouse', size: { width: 720, height: 720 }, count: 2, referenceNodeIds: ['1:999'] },
          placedImageUUIDs: [],
          sentAt: Date.now() - 60_000,
        },
      ],
    },
  })
  const world = openPlugin({ fake })
  worlds.push(world)
  await until(() => world.app.recovery.report.value.length > 0, 'the recovery report')
  await fake.flush()
  const [line] = world.app.recovery.report.value
  expect(line).toMatch(/^Could not recover the interrupted run “a lost lighthouse” \(.+\)\. Runware may still bill/)
  expect(imageNodes(fake)).toHaveLength(0)
  expect(leftovers(fake)).toEqual([])
  expect(await fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toBeUndefined()
})

it('keeps an interrupted run for later when there is no key to ask with', async () => {
  const pending = [
    {
      taskUUID: '0b7a1c1e-1111-4222-8333-444455556667',
      plan: { runId: 'run-later', prompt: 'later', size: { width: 720, height: 720 }, count: 1, referenceNodeIds: ['1:2'] },
      placedImageUUIDs: [],
      sentAt: Date.now(),
    },
  ]
  const fake = createFigmaFake({ rasterizer: sharpRasterizer, clientStorage: { [PENDING_RUNS_STORAGE_KEY]: pending } })
  const world = openPlugin({ fake })
  worlds.push(world)
  await until(() => world.app.recovery.report.value.length > 0, 'the recovery report')
  expect(world.app.recovery.report.value[0]).toMatch(/once your Runware API key is in Settings/)
  expect(await fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toEqual(pending)
})
