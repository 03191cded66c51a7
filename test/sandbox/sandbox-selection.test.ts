import { afterEach, describe, expect, it, vi } from 'vitest'

import { defaultRasterizer, readImageInfo } from '../figma-fake/index'
import type { Rasterizer } from '../figma-fake/index'
import { delay, readySandbox } from './harness'
import type { Sandbox } from './harness'

afterEach(() => {
  vi.restoreAllMocks()
})

/** Selects, then waits past the debounce for the `selection` it causes and its images. */
async function selectAndWait(sandbox: Sandbox, nodes: SceneNode[]) {
  const after = sandbox.received.length
  sandbox.fake.select(nodes)
  const selection = await sandbox.waitFor('selection', () => true, after)
  for (const reference of selection.references) {
    await sandbox.waitFor('reference-image', (m) => m.selectionId === selection.selectionId && m.nodeId === reference.nodeId, after)
  }
  await sandbox.settle()
  const images = sandbox.received.slice(after).filter((m) => m.type === 'reference-image')
  return { selection, images }
}

describe('selection states', () => {
  it('one frame: ok, described, and its pixels in one message', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Mood', x: 10, y: 20, width: 800, height: 600, fill: { r: 1, g: 0, b: 0 } })
    const { selection, images } = await selectAndWait(sandbox, [frame])
    expect(selection).toMatchObject({
      state: 'ok',
      usableCount: 1,
      references: [{ nodeId: frame.id, name: 'Mood', width: 800, height: 600, pixelWidth: 800, pixelHeight: 600 }],
    })
    expect(images).toHaveLength(1)
    expect(Object.keys(images[0]!).sort()).toEqual(['image', 'nodeId', 'selectionId', 'type'])
  })

  it('three frames: ok, in canvas order, one image per message', async () => {
    const sandbox = await readySandbox()
    const lower = sandbox.fake.addFrame({ name: 'lower', x: 0, y: 900, width: 600, height: 600 })
    const right = sandbox.fake.addFrame({ name: 'right', x: 700, y: 0, width: 600, height: 600 })
    const left = sandbox.fake.addFrame({ name: 'left', x: 0, y: 0, width: 600, height: 600 })
    const { selection, images } = await selectAndWait(sandbox, [lower, right, left])
    expect(selection.state).toBe('ok')
    expect(selection.references.map((r) => r.name)).toEqual(['left', 'right', 'lower'])
    expect(images.map((m) => m.type === 'reference-image' && m.nodeId)).toEqual([left.id, right.id, lower.id])
  })

  it('five frames: all listed in canvas order, the first three exported at full size and the rest as previews', async () => {
    const sandbox = await readySandbox()
    const frames = [4, 3, 2, 1, 0].map((i) => sandbox.fake.addFrame({ name: `f${i}`, x: i * 700, width: 600, height: 600 }))
    const { selection, images } = await selectAndWait(sandbox, frames)
    expect(selection).toMatchObject({ state: 'ok', usableCount: 5, own: false })
    expect(selection.references.map((r) => r.name)).toEqual(['f0', 'f1', 'f2', 'f3', 'f4'])
    const sizes = images.map((m) => (m.type === 'reference-image' ? [m.preview ?? false, readImageInfo(m.image)?.width] : null))
    expect(sizes).toEqual([[false, 600], [false, 600], [false, 600], [true, 128], [true, 128]])
  })

  it('nothing selected: empty', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ width: 600, height: 600 })
    await selectAndWait(sandbox, [frame])
    const { selection } = await selectAndWait(sandbox, [])
    expect(selection).toMatchObject({ state: 'empty', usableCount: 0, references: [] })
  })

  it('only hidden or empty layers: unsupported', async () => {
    const sandbox = await readySandbox()
    const hidden = sandbox.fake.addFrame({ name: 'hidden', width: 600, height: 600 })
    hidden.visible = false
    const insideHidden = sandbox.fake.addFrame({ name: 'child', width: 100, height: 100, parent: hidden })
    // An empty text layer has no width: there is nothing to export.
    const empty = sandbox.figma.createText()
    expect(empty.width).toBe(0)
    const { selection, images } = await selectAndWait(sandbox, [hidden, empty])
    expect(selection).toMatchObject({ state: 'unsupported', usableCount: 0, references: [] })
    expect(images).toEqual([])
    expect((await selectAndWait(sandbox, [insideHidden])).selection.state).toBe('unsupported')
  })

  it('usable and unusable together: only the usable ones count', async () => {
    const sandbox = await readySandbox()
    const shown = sandbox.fake.addFrame({ name: 'shown', width: 600, height: 600 })
    const hidden = sandbox.fake.addFrame({ name: 'hidden', x: 700, width: 600, height: 600 })
    hidden.visible = false
    const { selection } = await selectAndWait(sandbox, [hidden, shown])
    expect(selection).toMatchObject({ state: 'ok', usableCount: 1, references: [{ name: 'shown' }] })
  })
})

describe('reference exports', () => {
  it('caps, keeps or scales up the pixel size as planned, and the PNG says so', async () => {
    const sandbox = await readySandbox()
    const big = sandbox.fake.addFrame({ name: 'big', x: 0, y: 0, width: 4000, height: 3000 })
    const tall = sandbox.fake.addFrame({ name: 'tall', x: 4100, y: 0, width: 1000, height: 5000 })
    const small = sandbox.fake.addFrame({ name: 'small', x: 5200, y: 0, width: 200, height: 100 })
    const { selection, images } = await selectAndWait(sandbox, [big, tall, small])
    const expected = { big: [2048, 1536], tall: [410, 2048], small: [512, 256] } as const
    for (const reference of selection.references) {
      const [w, h] = expected[reference.name as keyof typeof expected]
      expect([reference.pixelWidth, reference.pixelHeight]).toEqual([w, h])
      const message = images.find((m) => m.type === 'reference-image' && m.nodeId === reference.nodeId)
      if (message?.type !== 'reference-image') throw new Error('missing image')
      expect(readImageInfo(message.image)).toEqual({ format: 'PNG', width: w, height: h })
    }
  })

  it('a frame at scale 1 exports its own pixels', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ width: 1440, height: 1080 })
    const { images } = await selectAndWait(sandbox, [frame])
    const message = images[0]
    if (message?.type !== 'reference-image') throw new Error('missing image')
    expect(readImageInfo(message.image)).toEqual({ format: 'PNG', width: 1440, height: 1080 })
  })
})

describe('debounce and stale exports', () => {
  it('a burst of selection changes gives one selection message, 150 ms after the last', async () => {
    const sandbox = await readySandbox()
    const frames = [0, 1, 2].map((i) => sandbox.fake.addFrame({ name: `f${i}`, x: i * 700, width: 600, height: 600 }))
    const after = sandbox.received.length
    // Only the sandbox's timers are faked; the fake delivers events on real ones.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      for (const frame of frames) {
        sandbox.fake.select([frame])
        await sandbox.fake.flush()
        vi.advanceTimersByTime(100)
      }
      await sandbox.fake.flush()
      expect(sandbox.received.slice(after)).toEqual([])
      vi.advanceTimersByTime(50)
    } finally {
      vi.useRealTimers()
    }
    await sandbox.waitFor('reference-image', () => true, after)
    await sandbox.settle()
    const selections = sandbox.received.slice(after).filter((m) => m.type === 'selection')
    expect(selections).toHaveLength(1)
    expect(selections[0]).toMatchObject({ references: [{ name: 'f2' }] })
  })

  it('never sends an image for a selection that has moved on', async () => {
    // Figma's exports take real time; this rasterizer makes the fake's take 200 ms each so the
    // selection can change while they are under way.
    const slowRasterizer: Rasterizer = async (node, request, context) => {
      await delay(200)
      return defaultRasterizer(node, request, context)
    }
    const sandbox = await readySandbox({ rasterizer: slowRasterizer })
    const first3 = [0, 1, 2].map((i) => sandbox.fake.addFrame({ x: i * 700, width: 600, height: 600 }))
    const other = sandbox.fake.addFrame({ name: 'other', x: 0, y: 3000, width: 600, height: 600 })
    const after = sandbox.received.length
    sandbox.fake.select(first3)
    const first = await sandbox.waitFor('selection', () => true, after)
    // the selection moves on while the first of three 200 ms exports is under way (debounce 150 ms)
    sandbox.fake.select([other])
    const second = await sandbox.waitFor('selection', (m) => m.selectionId > first.selectionId, after)
    await sandbox.waitFor('reference-image', (m) => m.selectionId === second.selectionId, after)
    await delay(700)
    await sandbox.settle()

    let current = -1
    for (const message of sandbox.received.slice(after)) {
      if (message.type === 'selection') current = message.selectionId
      if (message.type === 'reference-image') expect(message.selectionId).toBe(current)
    }
    expect(sandbox.of('reference-image').filter((m) => m.selectionId === second.selectionId)).toHaveLength(1)
    // The first selection's export under way finished after the change and was dropped.
    expect(sandbox.of('reference-image').filter((m) => m.selectionId === first.selectionId)).toEqual([])
  })


})
