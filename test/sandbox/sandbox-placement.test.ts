import { describe, expect, it, vi } from 'vitest'

import { createLabelFontLoader, createSlot } from '../../src/placement/placeholders'
import { LAYOUT, overlaps } from '../../src/placement/run-layout'
import type { Rect } from '../../src/placement/run-layout'
import { readySandbox } from './harness'
import type { Sandbox } from './harness'
import { nodeById, plan, startRun } from './run-fixtures'

function box(node: SceneNode): Rect {
  const bounds = node.absoluteBoundingBox
  if (!bounds) throw new Error(`${node.name} has no bounds`)
  return bounds
}

async function slotNodes(sandbox: Sandbox, ids: string[]): Promise<SceneNode[]> {
  return Promise.all(ids.map((id) => nodeById(sandbox, id)))
}

describe('placeholders at their final place and size', () => {
  it('one result: right of the source, exact size, inside a section named after the prompt', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', x: 100, y: 200, width: 800, height: 600 })
    const run = plan({ referenceNodeIds: [source.id], size: { width: 1440, height: 1080 } })
    const started = await startRun(sandbox, run)
    expect(started.slotNodeIds).toHaveLength(1)

    const [slot] = await slotNodes(sandbox, started.slotNodeIds)
    const section = slot!.parent as SectionNode
    expect(section.type).toBe('SECTION')
    expect(section.parent?.id).toBe(sandbox.fake.page.id)
    expect(section.name).toBe('Run 1 · a foggy harbour at dawn')
    expect(box(section)).toEqual({ x: 100 + 800 + LAYOUT.sourceGap, y: 200, width: 1440 + 2 * LAYOUT.padding, height: 1080 + 2 * LAYOUT.padding })
    expect(box(slot!)).toEqual({ x: 980 + LAYOUT.padding, y: 200 + LAYOUT.padding, width: 1440, height: 1080 })
    expect(slot).toMatchObject({ type: 'RECTANGLE', width: 1440, height: 1080, name: 'Generating 1 of 1…' })
  })

  it('four results: a row, each exact, each with a centred “Generating n of 4…” label', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const run = plan({ referenceNodeIds: [source.id], count: 4, size: { width: 720, height: 1280 } })
    const slots = await slotNodes(sandbox, (await startRun(sandbox, run)).slotNodeIds)
    const boxes = slots.map(box)
    expect(boxes.map((b) => [b.width, b.height])).toEqual(Array(4).fill([720, 1280]))
    expect(new Set(boxes.map((b) => b.y)).size).toBe(1)
    expect(boxes.map((b) => b.x)).toEqual([0, 1, 2, 3].map((i) => 880 + LAYOUT.padding + i * (720 + LAYOUT.slotGap)))

    const labels = sandbox.fake.allNodes().filter((n): n is TextNode => n.type === 'TEXT')
    expect(labels.map((l) => l.characters)).toEqual(['Generating 1 of 4…', 'Generating 2 of 4…', 'Generating 3 of 4…', 'Generating 4 of 4…'])
    labels.forEach((label, i) => {
      const l = box(label)
      const s = boxes[i]!
      expect(l.x + l.width / 2).toBeCloseTo(s.x + s.width / 2, 6)
      expect(l.y + l.height / 2).toBeCloseTo(s.y + s.height / 2, 6)
    })
  })

  it('twenty results: a 5 × 4 grid of exact, non-overlapping slots inside the section', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 1000, height: 1000 })
    const run = plan({ referenceNodeIds: [source.id], count: 20, size: { width: 1920, height: 1080 } })
    const slots = await slotNodes(sandbox, (await startRun(sandbox, run)).slotNodeIds)
    expect(slots).toHaveLength(20)
    const boxes = slots.map(box)
    expect(boxes.every((b) => b.width === 1920 && b.height === 1080)).toBe(true)
    expect(new Set(boxes.map((b) => b.x)).size).toBe(5)
    expect(new Set(boxes.map((b) => b.y)).size).toBe(4)
    boxes.forEach((a, i) => boxes.forEach((b, j) => i !== j && expect(overlaps(a, b)).toBe(false)))
    const section = box(slots[0]!.parent as SectionNode)
    for (const b of boxes) {
      expect(b.x >= section.x && b.y >= section.y).toBe(true)
      expect(b.x + b.width <= section.x + section.width && b.y + b.height <= section.y + section.height).toBe(true)
    }
  })

  it('never overlaps existing top-level content', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const existing = [
      source,
      sandbox.fake.addFrame({ name: 'Right', x: 1200, y: -200, width: 900, height: 900 }),
      sandbox.fake.addFrame({ name: 'Further', x: 3000, y: 800, width: 500, height: 1200 }),
      sandbox.fake.addFrame({ name: 'Below', x: 0, y: 2500, width: 8000, height: 300 }),
    ]
    const run = plan({ referenceNodeIds: [source.id], count: 4 })
    await startRun(sandbox, run)
    const section = sandbox.fake.page.children.find((n) => n.type === 'SECTION')!
    for (const frame of existing) expect(overlaps(box(section), box(frame)), frame.name).toBe(false)
    expect(box(section).x).toBe(880)
  })

  it('a later run from the same sources goes below the previous one', async () => {
    const sandbox = await readySandbox()
    const a = sandbox.fake.addFrame({ name: 'A', width: 800, height: 600 })
    const b = sandbox.fake.addFrame({ name: 'B', y: 700, width: 800, height: 600 })
    const first = plan({ runId: 'first', referenceNodeIds: [a.id, b.id], count: 2 })
    const second = plan({ runId: 'second', referenceNodeIds: [b.id, a.id], count: 3 })
    const firstSlot = await nodeById(sandbox, (await startRun(sandbox, first)).slotNodeIds[0]!)
    const secondSlot = await nodeById(sandbox, (await startRun(sandbox, second)).slotNodeIds[0]!)
    const one = box(firstSlot.parent as SectionNode)
    const two = box(secondSlot.parent as SectionNode)
    expect(two.x).toBe(one.x)
    expect(two.y).toBe(one.y + one.height + LAYOUT.runGap)
  })

  it('sources inside a board: the run goes beside the board', async () => {
    const sandbox = await readySandbox()
    const board = sandbox.fake.addFrame({ name: 'Board', width: 3000, height: 2000 })
    const inner = sandbox.fake.addFrame({ name: 'Inner', x: 100, y: 100, width: 500, height: 500, parent: board })
    const slot = await nodeById(sandbox, (await startRun(sandbox, plan({ referenceNodeIds: [inner.id] }))).slotNodeIds[0]!)
    expect(box(slot.parent as SectionNode)).toMatchObject({ x: 3000 + LAYOUT.sourceGap, y: 0 })
  })

  it('sources deleted: the run is placed at the viewport centre', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const id = source.id
    source.remove()
    sandbox.figma.viewport.center = { x: 10_000, y: 5_000 }
    const started = await startRun(sandbox, plan({ referenceNodeIds: [id] }))
    const section = box((await nodeById(sandbox, started.slotNodeIds[0]!)).parent as SectionNode)
    expect(section.x + section.width / 2).toBe(10_000)
    expect(section.y + section.height / 2).toBe(5_000)
  })

  it('works the same in FigJam', async () => {
    const sandbox = await readySandbox({ editorType: 'figjam' })
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const slot = await nodeById(sandbox, (await startRun(sandbox, plan({ referenceNodeIds: [source.id] }))).slotNodeIds[0]!)
    expect(slot.parent?.type).toBe('SECTION')
    expect(box(slot)).toEqual({ x: 960, y: 80, width: 1024, height: 1024 })
  })

  it('refuses to start the same run twice', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ width: 800, height: 600 })
    const run = plan({ referenceNodeIds: [source.id] })
    await startRun(sandbox, run)
    const nodes = sandbox.fake.allNodes().length
    const reply = await sandbox.request({ type: 'run-start', requestId: 'again', plan: run }, 'request-failed')
    expect(reply).toEqual({ type: 'request-failed', requestId: 'again', message: 'This run has already started.' })
    expect(sandbox.fake.allNodes()).toHaveLength(nodes)
  })
})

describe('placeholder label font', () => {
  it('without the font, a slot still appears at its place, just without a label', async () => {
    const sandbox = await readySandbox()
    const section = sandbox.figma.createSection()
    const rect = { x: 100, y: 200, width: 720, height: 720 }
    const slot = createSlot(sandbox.figma, section, rect, 0, 2, null)
    expect(slot.label).toBeNull()
    expect(box(slot.node)).toEqual(rect)
    expect(sandbox.fake.allNodes().filter((n) => n.type === 'TEXT')).toEqual([])
  })

  it('asks Figma for the font once and answers null when it cannot load', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let asked = 0
    const figma = {
      loadFontAsync: () => {
        asked += 1
        return Promise.reject(new Error('font unavailable'))
      },
    } as unknown as PluginAPI
    const load = createLabelFontLoader(figma)
    expect(await load()).toBeNull()
    expect(await load()).toBeNull()
    expect(asked).toBe(1)
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })
})

describe('runs you can tell apart', () => {
  it('two runs with the same prompt get different titles, numbered per page', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    sandbox.fake.asHost(() => {
      const mine = sandbox.figma.createFrame()
      mine.name = 'Run 4 · my own frame'
      mine.x = -5000
    })
    const first = await startRun(sandbox, plan({ runId: 'first', referenceNodeIds: [source.id] }))
    const second = await startRun(sandbox, plan({ runId: 'second', referenceNodeIds: [source.id] }))
    const titles = await Promise.all([first, second].map(async (started) => (await nodeById(sandbox, started.slotNodeIds[0]!)).parent!.name))
    expect(titles).toEqual(['Run 5 · a foggy harbour at dawn', 'Run 6 · a foggy harbour at dawn'])
    const other = sandbox.fake.addPage('Other')
    await sandbox.figma.setCurrentPageAsync(other)
    const elsewhere = sandbox.fake.addFrame({ name: 'There', parent: other, width: 100, height: 100 })
    const third = await startRun(sandbox, plan({ runId: 'third', referenceNodeIds: [elsewhere.id] }))
    expect((await nodeById(sandbox, third.slotNodeIds[0]!)).parent!.name).toBe('Run 1 · a foggy harbour at dawn')
  })
})
