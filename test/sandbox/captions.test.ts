import { describe, expect, it } from 'vitest'

import { captionText } from '../../src/placement/caption-text'
import { readySandbox } from './harness'
import { endRun, nodeById, place, plan, startRun } from './run-fixtures'

describe('captionText', () => {
  it('leads with the number and keeps size and seed whole, cutting only the prompt', () => {
    expect(captionText(0, 'dunes at dusk', 1024, 1024, 7)).toBe('1 · dunes at dusk · 1024×1024 · seed 7')
    const long = captionText(11, 'a very long prompt '.repeat(20), 1024, 1024, undefined)
    expect(long.startsWith('12 · a very long')).toBe(true)
    expect(long.endsWith('… · 1024×1024')).toBe(true)
    expect(long.length).toBeLessThanOrEqual(Math.floor(1024 / (26 * 0.56)))
  })
})

describe('captions under images', () => {
  it('puts a real Inter text layer under each image, inside the section, when switched on', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Desktop', width: 1440, height: 1024 })
    const run = plan({ referenceNodeIds: [source.id], count: 2, captions: true })
    const started = await startRun(sandbox, run)
    for (const index of [0, 1]) await place(sandbox, run, index)
    await endRun(sandbox, run)
    const captions = sandbox.fake.allNodes().filter((n): n is TextNode => n.type === 'TEXT')
    expect(captions.map((c) => c.characters)).toEqual(['1 · a foggy harbour at dawn · 1024×1024 · seed 1000', '2 · a foggy harbour at dawn · 1024×1024 · seed 1001'])
    for (const [index, caption] of captions.entries()) {
      const image = (await nodeById(sandbox, started.slotNodeIds[index]!)).absoluteBoundingBox!
      const box = caption.absoluteBoundingBox!
      const section = caption.parent!
      expect(caption.fontName).toEqual({ family: 'Inter', style: 'Regular' })
      expect(box.y).toBeGreaterThan(image.y + image.height)
      expect(box.x).toBe(image.x)
      const bounds = (section as SectionNode).absoluteBoundingBox!
      expect(box.y + box.height).toBeLessThanOrEqual(bounds.y + bounds.height)
    }
  })

  it('makes none when off (the default)', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Desktop', width: 1440, height: 1024 })
    const run = plan({ referenceNodeIds: [source.id] })
    await startRun(sandbox, run)
    await place(sandbox, run, 0)
    await endRun(sandbox, run)
    expect(sandbox.fake.allNodes().filter((n) => n.type === 'TEXT')).toEqual([])
  })
})
