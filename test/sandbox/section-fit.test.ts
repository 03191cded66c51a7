import { describe, expect, it } from 'vitest'

import { type PendingRun } from '../../src/common/pending-run'
import { LAYOUT } from '../../src/placement/run-layout'
import { readySandbox, startSandbox } from './harness'
import type { Sandbox } from './harness'
import { endRun, nodeById, place, plan, startRun } from './run-fixtures'
import { PENDING_RUNS_STORAGE_KEY } from '../../src/common/storage-keys'

// A section fits what landed in it, and a recovery lands back in the section of the run it
// recovers, in the slots that run never filled, with their original numbers.

const box = (node: SceneNode) => node.absoluteBoundingBox!

async function runWithTask(sandbox: Sandbox, count: number, runId = 'run-1') {
  const source = sandbox.fake.addFrame({ name: 'Desktop', width: 1440, height: 1024 })
  const run = plan({ runId, referenceNodeIds: [source.id], count })
  const started = await startRun(sandbox, run)
  sandbox.send({ type: 'task-sent', requestId: `save-${runId}`, runId, taskUUID: `task-${runId}` })
  await sandbox.settle()
  const slots = await Promise.all(started.slotNodeIds.map((id) => nodeById(sandbox, id)))
  return { run, slots, section: slots[0]!.parent as SectionNode, planned: slots.map(box) }
}

describe('sections fit what landed', () => {
  it('after a cancel with 1 of 4 placed, the section is one image and its padding wide', async () => {
    const sandbox = await readySandbox()
    const { run, slots, section, planned } = await runWithTask(sandbox, 4)
    await place(sandbox, run, 0)
    await endRun(sandbox, run, 'cancelled')
    expect(box(section)).toEqual({ x: planned[0]!.x - LAYOUT.padding, y: planned[0]!.y - LAYOUT.padding, width: 1024 + 2 * LAYOUT.padding, height: 1024 + 2 * LAYOUT.padding })
    expect(box(slots[0]!)).toEqual(planned[0])
  })

  it('after failed results, it shrinks around the images that did land, which stay put', async () => {
    const sandbox = await readySandbox()
    const { run, slots, section, planned } = await runWithTask(sandbox, 3)
    sandbox.send({ type: 'result-failed', runId: run.runId, index: 0, message: 'refused' })
    await place(sandbox, run, 1)
    sandbox.send({ type: 'result-failed', runId: run.runId, index: 2, message: 'refused' })
    await endRun(sandbox, run, 'done')
    expect(box(slots[1]!)).toEqual(planned[1])
    expect(box(section).x).toBe(planned[1]!.x - LAYOUT.padding)
    expect(box(section).width).toBe(1024 + 2 * LAYOUT.padding)
  })

  it('a full run keeps its planned section', async () => {
    const sandbox = await readySandbox()
    const { run, section } = await runWithTask(sandbox, 2)
    const before = box(section)
    for (const index of [0, 1]) await place(sandbox, run, index)
    await endRun(sandbox, run)
    expect(box(section)).toEqual(before)
  })
})

describe('recovery lands in the original section', () => {
  async function interrupted() {
    const sandbox = await readySandbox()
    const { run, section, planned } = await runWithTask(sandbox, 4)
    await place(sandbox, run, 1)
    sandbox.fake.closeByUser()
    const pending = (await sandbox.fake.asHost(() => sandbox.fake.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY))) as PendingRun[]
    expect(pending).toEqual([expect.objectContaining({ sectionId: section.id, placedIndices: [1] })])
    // the close shrank the section to the one image it held
    expect(box(section).width).toBe(1024 + 2 * LAYOUT.padding)
    sandbox.fake.relaunch()
    const next = await startSandbox({}, sandbox.fake)
    next.send({ type: 'ui-ready' })
    await next.waitFor('selection')
    await next.settle()
    return { next, run, section, planned }
  }

  it('fills the slots the run never reached, with their original numbers, in the same section', async () => {
    const { next, run, section, planned } = await interrupted()
    const recovery = plan({ ...run, runId: 'recovery-1', count: 2, target: { sectionId: section.id, indices: [0, 2], count: 4 } })
    const started = await startRun(next, recovery)
    const slots = await Promise.all(started.slotNodeIds.map((id) => nodeById(next, id)))
    expect(slots.map((slot) => slot.parent?.id)).toEqual([section.id, section.id])
    expect(slots.map(box)).toEqual([planned[0], planned[2]])
    expect(slots.map((slot) => slot.name)).toEqual(['Generating 1 of 4…', 'Generating 3 of 4…'])
    for (const index of [0, 1]) await place(next, recovery, index)
    await endRun(next, recovery)
    expect(slots.map((slot) => slot.name)).toEqual(['1 · a foggy harbour at dawn', '3 · a foggy harbour at dawn'])
    expect(section.name).toBe('Run 1 · a foggy harbour at dawn')
    const images = section.children.filter((child) => child.type === 'RECTANGLE')
    expect(images).toHaveLength(3)
    // grown back to hold slots 0 to 2, and no further
    expect(box(section)).toEqual({ x: planned[0]!.x - LAYOUT.padding, y: planned[0]!.y - LAYOUT.padding, width: planned[2]!.x + 1024 + LAYOUT.padding - (planned[0]!.x - LAYOUT.padding), height: 1024 + 2 * LAYOUT.padding })
  })

  it('goes to a new section titled as recovered when the original one is gone', async () => {
    const { next, run, section } = await interrupted()
    next.fake.asHost(() => section.remove())
    const recovery = plan({ ...run, runId: 'recovery-2', count: 1, target: { sectionId: section.id, indices: [3], count: 4 } })
    const started = await startRun(next, recovery)
    const [slot] = await Promise.all(started.slotNodeIds.map((id) => nodeById(next, id)))
    expect(slot!.parent?.name).toBe('Run 1 · a foggy harbour at dawn (recovered)')
    await place(next, recovery, 0)
    expect(slot!.name).toBe('4 · a foggy harbour at dawn')
  })
})
