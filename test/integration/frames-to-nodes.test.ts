import { API_KEY_STORAGE_KEY } from '../../src/common/storage-keys'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { startEmulator, type Emulator } from '../emulator/index'
import { readImageInfo, type FigmaFake } from '../figma-fake/index'
import { endpointOf, imageNodes, openPlugin as openWorld, selectAndWait, signIn as signInWorld, type World } from '../support/plugin-world'
import { sharpCodec } from '../support/sharp-codec'
import { RECORD_KEY } from '../../src/common/storage-keys'

// The real sandbox (createPlugin on the Figma fake), the real UI logic (createApp: bridge,
// state, actions, run controller, image pipeline, Runware client) and the Runware emulator,
// wired together without a browser: from "frames selected" to "image nodes placed".

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
  emulator.clearFaults()
})

function openPlugin(): World {
  const world = openWorld()
  worlds.push(world)
  return world
}

function signIn(world: World, key: string, connection: 'websocket' | 'rest'): Promise<void> {
  return signInWorld(world, key, endpointOf(emulator, connection))
}

function moodboard(fake: FigmaFake) {
  const colours = [
    { r: 0.9, g: 0.2, b: 0.2 },
    { r: 0.2, g: 0.4, b: 0.9 },
    { r: 0.2, g: 0.8, b: 0.3 },
    { r: 0.9, g: 0.8, b: 0.1 },
  ]
  return colours.map((fill, i) => fake.addFrame({ name: `Mood ${i + 1}`, x: i * 500, y: 0, width: 400, height: 300, fill }))
}

describe.each(['websocket', 'rest'] as const)('frames selected → image nodes placed (%s)', (connection) => {
  it('places four 1440×1080 images beside two selected frames, each with its record', async () => {
    const world = openPlugin()
    const { fake, app } = world
    const frames = moodboard(fake)
    await signIn(world, emulator.apiKey, connection)
    await selectAndWait(world, [frames[0]!, frames[1]!], 'ok')

    app.actions.setPrompt('a foggy harbour at dawn, muted teal')
    app.actions.pickSize({ width: 1440, height: 1080 })
    app.actions.setCount(4)
    await app.actions.generate()
    await fake.flush()

    expect(app.controller.run.value?.phase).toBe('done')
    const placed = imageNodes(fake)
    expect(placed).toHaveLength(4)
    const sourceRight = frames[1]!.x + frames[1]!.width
    for (const node of placed) {
      const box = node.absoluteBoundingBox!
      expect([box.width, box.height]).toEqual([1440, 1080])
      expect(box.x).toBeGreaterThanOrEqual(sourceRight)
      const record = decodeRecord(node.getPluginData(RECORD_KEY))
      expect(record).toMatchObject({ prompt: 'a foggy harbour at dawn, muted teal', width: 1440, height: 1080, model: 'runway:4@2' })
      expect(record!.referenceNodeIds.sort()).toEqual([frames[0]!.id, frames[1]!.id].sort())
      expect(record!.cost).toBeGreaterThan(0)
      // the pixels are the emulator's image, at the requested size
      const paint = ((node as FrameNode).fills as readonly Paint[])[0] as ImagePaint
      expect(paint.scaleMode).toBe('FILL')
      const bytes = await fake.figma.getImageByHash(paint.imageHash!)!.getBytesAsync()
      expect(readImageInfo(bytes)).toMatchObject({ format: 'JPEG', width: 1440, height: 1080 })
    }
    // the boxes overlap neither each other nor the frames already on the page
    const boxes = [...placed, ...frames].map((n) => n.absoluteBoundingBox!)
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        expect(a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y).toBe(true)
    // what the emulator received: our two frames, the requested size and count
    const task = emulator.tasks.filter((t) => t.task.taskType === 'imageInference').at(-1)!.task
    expect(task).toMatchObject({ model: 'runway:4@2', width: 1440, height: 1080, numberResults: 4 })
    expect((task.inputs as { referenceImages: unknown[] }).referenceImages).toHaveLength(2)
    expect(fake.undoCheckpoints).toBeGreaterThanOrEqual(1)
    // the key is nowhere in the document
    for (const node of fake.allNodes())
      for (const key of node.getPluginDataKeys()) expect(node.getPluginData(key)).not.toContain(emulator.apiKey)
  })

  it('refuses a wrong key when it is saved, over the WebSocket, and so places nothing', async () => {
    const world = openPlugin()
    const frames = moodboard(world.fake)
    await expect(signIn(world, 'rw-not-a-real-key', connection)).rejects.toThrow(/key not saved/)
    expect(world.app.state.keyCheck.value).toEqual({ phase: 'done', kind: 'refused', message: 'Invalid API key. Get one at https://my.runware.ai/signup' })
    expect(world.app.state.apiKey.value).toBeNull()
    // nothing reached clientStorage, and Generate says what is missing
    expect(await world.fake.figma.clientStorage.getAsync(API_KEY_STORAGE_KEY)).toBeUndefined()
    await selectAndWait(world, [frames[2]!], 'ok')
    world.app.actions.setPrompt('anything')
    await world.app.actions.generate()
    await world.fake.flush()

    expect(world.app.controller.run.value).toBeNull()
    expect(world.app.state.notice.value?.message).toMatch(/API key/i)
    expect(imageNodes(world.fake)).toHaveLength(0)
    // no placeholder is left behind either
    const leftovers = world.fake.allNodes().filter((n) => n.type !== 'FRAME' || !n.name.startsWith('Mood'))
    expect(leftovers.map((n) => `${n.type} ${n.name}`)).toEqual([])
  })
})

describe('selection states stop a run before anything is sent', () => {
  // (four frames selected is no such state: the first three are chosen, see test/e2e/iterate.test.ts)
  it.each([['nothing selected', 0, 'empty']] as const)('%s', async (_label, howMany, state) => {
    const world = openPlugin()
    const frames = moodboard(world.fake)
    await signIn(world, emulator.apiKey, 'websocket')
    await selectAndWait(world, frames.slice(0, howMany), state)
    const before = emulator.tasks.length
    world.app.actions.setPrompt('anything')
    await world.app.actions.generate()
    await world.fake.flush()
    expect(world.app.state.notice.value?.message ?? '').toMatch(/select/i)
    expect(emulator.tasks.length).toBe(before)
    expect(imageNodes(world.fake)).toHaveLength(0)
  })
})

it('the sharp codec pads like the canvas one would', async () => {
  const bytes = await sharpCodec.render(
    { bytes: new Uint8Array(await sharp({ create: { width: 10, height: 40, channels: 3, background: '#f00' } }).png().toBuffer()), mime: 'image/png' },
    { width: 40, height: 40, x: 15, y: 0, drawWidth: 10, drawHeight: 40, format: 'png' },
  )
  expect(readImageInfo(bytes)).toMatchObject({ format: 'PNG', width: 40, height: 40 })
})
