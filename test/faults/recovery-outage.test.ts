import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { type PendingRun } from '../../src/common/pending-run'
import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { startEmulator, type Emulator } from '../emulator/index'
import { addFrames, endpointOf, imageNodes, leftovers, openPlugin, selectAndWait, signIn, until, type World } from '../support/plugin-world'
import { PENDING_RUNS_STORAGE_KEY, RECORD_KEY } from '../../src/common/storage-keys'

// An outage never throws paid work away: a run whose connection went after its task was taken
// ends as interrupted, keeps its pending entry, and is fetched once Runware answers again,
// in this session or the next; offline at launch, the entries wait and the plugin says so; and
// a close during a recovery never places an image twice.

let emulator: Emulator
const worlds: World[] = []
beforeAll(async () => {
  emulator = await startEmulator()
})
afterEach(() => {
  for (const world of worlds.splice(0)) world.app.dispose()
  emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
  emulator.clearFaults()
  emulator.outage(0)
})
afterAll(async () => {
  await emulator.close()
})

const inferences = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')
const imageUUIDs = (world: World) => imageNodes(world.fake).map((node) => decodeRecord(node.getPluginData(RECORD_KEY))?.imageUUID)
const pendingOf = async (world: World) => (await world.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)) as PendingRun[] | undefined

async function ready(connection: 'websocket' | 'rest'): Promise<World> {
  const world = openPlugin()
  worlds.push(world)
  const [frame] = addFrames(world.fake)
  await signIn(world, emulator.apiKey, endpointOf(emulator, connection))
  await selectAndWait(world, [frame!])
  return world
}

function startRun(world: World, prompt: string, count: number): Promise<void> {
  world.app.actions.setPrompt(prompt)
  world.app.actions.pickSize({ width: 720, height: 720 })
  world.app.actions.setCount(count)
  return world.app.actions.generate()
}

describe.each(['websocket', 'rest'] as const)('an outage mid-run (%s)', (connection) => {
  it('ends the run as interrupted, keeps its entry while Runware is away, and places every result once when it is back', async () => {
    const world = await ready(connection)
    const sentBefore = inferences().length
    emulator.injectFault({ kind: 'outage', ms: 1500 })
    await startRun(world, 'a harbour in the outage', 2)
    await world.fake.flush()
    expect(world.app.controller.run.value?.phase).toBe('interrupted')
    expect(world.app.controller.run.value?.error).toBeNull()
    // the unfilled placeholders went; the entry stays for the recovery
    expect(leftovers(world.fake)).toEqual([])
    expect(await pendingOf(world)).toEqual([expect.objectContaining({ taskUUID: inferences().at(-1)!.task.taskUUID, placedImageUUIDs: [] })])
    expect(world.app.recovery.waiting.value).toBe(1)

    await until(() => world.app.recovery.report.value.length > 0, 'the recovery once Runware is back', 15_000)
    await world.fake.flush()
    expect(world.app.recovery.report.value).toEqual(['Recovered 2 images from the interrupted run “a harbour in the outage”.'])
    const placed = imageUUIDs(world)
    expect(placed).toHaveLength(2)
    expect(new Set(placed).size).toBe(2)
    expect(leftovers(world.fake)).toEqual([])
    expect(inferences().length).toBe(sentBefore + 1)
    expect(await pendingOf(world)).toBeUndefined()
    expect(world.app.recovery.waiting.value).toBe(0)
    // the "Connection lost" status gives way to the report once the run is recovered
    expect(world.app.controller.run.value).toBeNull()
  })
})

it('offline at launch: says how many interrupted runs it will fetch, keeps them, and fetches them when Runware is back', async () => {
  const first = await ready('rest')
  emulator.injectFault({ kind: 'outage', ms: 60_000 })
  await startRun(first, 'a harbour seen offline', 2)
  expect(first.app.controller.run.value?.phase).toBe('interrupted')
  // closed while Runware is still away
  first.fake.closeByUser()
  first.closed = true
  first.app.dispose()

  first.fake.relaunch()
  const stored = await pendingOf(first)
  expect(stored).toHaveLength(1)
  const second = openPlugin({ fake: first.fake })
  worlds.push(second)
  await until(() => second.app.recovery.report.value.length > 0, 'the launch report', 15_000)
  expect(second.app.recovery.report.value).toEqual(['An interrupted run will be fetched when Runware is reachable again.'])
  expect(await pendingOf(second)).toEqual(stored)
  expect(imageNodes(second.fake)).toHaveLength(0)
  expect(leftovers(second.fake)).toEqual([])

  // Runware is back: the next retry places both, once, and the entry goes
  emulator.outage(0)
  await until(() => second.app.recovery.report.value.length > 1, 'the recovery once Runware is back', 15_000)
  await second.fake.flush()
  expect(second.app.recovery.report.value[1]).toBe('Recovered 2 images from the interrupted run “a harbour seen offline”.')
  expect(imageUUIDs(second)).toHaveLength(2)
  expect(new Set(imageUUIDs(second)).size).toBe(2)
  expect(leftovers(second.fake)).toEqual([])
  expect(await pendingOf(second)).toBeUndefined()
})

it('a close during a recovery never places an image twice', async () => {
  const first = await ready('rest')
  first.app.actions.saveOptions({ ...DEFAULT_GENERATION_OPTIONS, outputType: 'URL' })
  emulator.injectFault({ kind: 'outage', ms: 1500 })
  await startRun(first, 'a harbour recovered twice', 2)
  expect(first.app.controller.run.value?.phase).toBe('interrupted')
  // the recovery downloads the first image, then hangs on the second: the plugin is closed then
  let downloads = 0
  first.fetchBytes = async (url) => {
    if (++downloads > 1) return new Promise<Uint8Array>(() => undefined)
    return new Uint8Array(await (await fetch(url)).arrayBuffer())
  }
  await until(() => imageNodes(first.fake).length === 1, `the first recovered image (${downloads} downloads, ${first.app.recovery.report.value.join(' ')})`, 15_000)
  await first.fake.flush()
  const placedFirst = imageUUIDs(first)
  expect((await pendingOf(first))![0]!.placedImageUUIDs).toEqual(placedFirst)
  first.fake.closeByUser()
  first.closed = true
  first.app.dispose()

  first.fake.relaunch()
  const second = openPlugin({ fake: first.fake })
  worlds.push(second)
  await until(() => second.app.recovery.report.value.length > 0, 'the second recovery', 15_000)
  await second.fake.flush()
  expect(second.app.recovery.report.value).toEqual(['Recovered 1 image from the interrupted run “a harbour recovered twice”.'])
  const all = imageUUIDs(second)
  expect(all).toHaveLength(2)
  expect(new Set(all).size).toBe(2)
  expect(all).toEqual(expect.arrayContaining(placedFirst))
  expect(await pendingOf(second)).toBeUndefined()
})
