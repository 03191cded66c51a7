import { describe, expect, it } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { overlaps } from '../../src/placement/run-layout'
import type { Rect } from '../../src/placement/run-layout'
import { readySandbox } from './harness'
import type { Sandbox } from './harness'
import { endRun, nodeById, place, plan, recordFor, startRun, viewOf, workingPlaceholders } from './run-fixtures'
import { RECORD_KEY } from '../../src/common/storage-keys'

// Issue "Every option, every failure": the source frames are deleted, moved or left behind
// on another page while a run is in flight. The run's section and slots are fixed at
// run-start, so results land where the placeholders promised whatever the sources do since.

function box(node: SceneNode): Rect {
  const bounds = node.absoluteBoundingBox
  if (!bounds) throw new Error(`${node.name} has no bounds`)
  return { ...bounds }
}

async function runOf(sandbox: Sandbox, count: number) {
  const source = sandbox.fake.addFrame({ name: 'Source', x: 100, y: 200, width: 800, height: 600 })
  const run = plan({ referenceNodeIds: [source.id], count, size: { width: 720, height: 720 } })
  const started = await startRun(sandbox, run)
  const slots = await Promise.all(started.slotNodeIds.map((id) => nodeById<RectangleNode>(sandbox, id)))
  const section = slots[0]!.parent as SectionNode
  return { source, run, slotIds: started.slotNodeIds, planned: slots.map(box), section, sectionBox: box(section) }
}

async function placeAll(sandbox: Sandbox, run: ReturnType<typeof plan>, slotIds: string[]) {
  for (const index of slotIds.keys()) {
    const reply = await place(sandbox, run, index)
    expect(reply).toMatchObject({ type: 'result-placed', nodeId: slotIds[index] })
  }
}

async function expectLanded(sandbox: Sandbox, run: ReturnType<typeof plan>, slotIds: string[], planned: Rect[], section: SectionNode) {
  for (const [index, id] of slotIds.entries()) {
    const node = await nodeById<RectangleNode>(sandbox, id)
    expect(node.parent?.id).toBe(section.id)
    expect(box(node)).toEqual(planned[index])
    expect((node.fills as readonly Paint[])[0]?.type).toBe('IMAGE')
    expect(decodeRecord(node.getPluginData(RECORD_KEY))).toEqual(recordFor(run, index))
  }
  expect(workingPlaceholders(sandbox)).toEqual([])
}

describe('sources change while a run is in flight', () => {
  it('deleted after run-start: every result fills its placeholder at the planned place, with its record', async () => {
    const sandbox = await readySandbox()
    const { source, run, slotIds, planned, section, sectionBox } = await runOf(sandbox, 4)
    source.remove()
    await sandbox.settle()

    await placeAll(sandbox, run, slotIds)
    await endRun(sandbox, run)
    await expectLanded(sandbox, run, slotIds, planned, section)
    expect(box(section)).toEqual(sectionBox)
    expect(sandbox.figma.currentPage.selection.map((n) => n.id)).toEqual(slotIds)
  })

  it('moved after run-start: results land in the run’s section, which stays where it was', async () => {
    // The placeholders do not chase the sources: the designer has already seen where the
    // results will go, a moved source may now sit in that spot, and a section jumping around
    // mid-run would move work the designer may be looking at or arranging.
    const sandbox = await readySandbox()
    const { source, run, slotIds, planned, section, sectionBox } = await runOf(sandbox, 3)
    source.x = 5000
    source.y = -3000
    await sandbox.settle()

    await placeAll(sandbox, run, slotIds)
    await endRun(sandbox, run)
    await expectLanded(sandbox, run, slotIds, planned, section)
    expect(box(section)).toEqual(sectionBox)
    expect(sandbox.fake.page.children.filter((n) => n.type === 'SECTION')).toHaveLength(1)
  })

  it('the designer switches page mid-run: results land on the sources’ page, selected there without switching back', async () => {
    const sandbox = await readySandbox()
    const home = sandbox.figma.currentPage
    const { run, slotIds, planned, section } = await runOf(sandbox, 2)
    const other = sandbox.fake.addPage('Elsewhere')
    await sandbox.figma.setCurrentPageAsync(other)
    await sandbox.settle()
    const scrollsBefore = sandbox.fake.scrolledIntoView.length
    const movesBefore = sandbox.fake.viewportMoves

    await placeAll(sandbox, run, slotIds)
    await endRun(sandbox, run)
    await expectLanded(sandbox, run, slotIds, planned, section)
    expect(section.parent?.id).toBe(home.id)
    expect(other.children).toHaveLength(0)
    // The plugin never changes the page under the designer, nor selects or scrolls there;
    // the results wait selected on their own page, and a toast says where they are.
    expect(sandbox.figma.currentPage.id).toBe(other.id)
    expect(other.selection).toEqual([])
    expect(sandbox.fake.scrolledIntoView).toHaveLength(scrollsBefore)
    expect(sandbox.fake.viewportMoves).toBe(movesBefore)
    expect(home.selection.map((n) => n.id)).toEqual(slotIds)
    expect(sandbox.fake.notifications.at(-1)?.message).toBe(`Results are on page “${home.name}”`)
    expect(sandbox.fake.undoCheckpoints).toBe(1)
  })

  it('a run ending on its own page selects and scrolls without a toast', async () => {
    const sandbox = await readySandbox()
    const { run, slotIds } = await runOf(sandbox, 1)
    const notified = sandbox.fake.notifications.length
    await placeAll(sandbox, run, slotIds)
    await endRun(sandbox, run)
    expect(sandbox.figma.currentPage.selection.map((n) => n.id)).toEqual(slotIds)
    expect(viewOf(sandbox, sandbox.figma.currentPage.selection)).toEqual({ inView: true, clearOfWindow: true })
    expect(sandbox.fake.notifications).toHaveLength(notified)
  })

  it('deleted before run-start: placed at the viewport centre, moved clear of existing content', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const id = source.id
    source.remove()
    // Something already sits right where the viewport is looking.
    const board = sandbox.fake.addFrame({ name: 'Board', x: 9000, y: 4000, width: 2000, height: 2000 })
    const side = sandbox.fake.addFrame({ name: 'Side', x: 7000, y: 5500, width: 600, height: 3000 })
    sandbox.figma.viewport.center = { x: 10_000, y: 5_000 }
    const run = plan({ referenceNodeIds: [id], count: 2, size: { width: 720, height: 720 } })
    const started = await startRun(sandbox, run)

    const slots = await Promise.all(started.slotNodeIds.map((slotId) => nodeById(sandbox, slotId)))
    const section = box(slots[0]!.parent as SectionNode)
    expect(section.x + section.width / 2).toBe(10_000)
    for (const frame of [board, side]) expect(overlaps(section, box(frame)), frame.name).toBe(false)
    expect(section.y).toBeGreaterThanOrEqual(4000 + 2000)

    await placeAll(sandbox, run, started.slotNodeIds)
    for (const slot of slots) expect(((slot as RectangleNode).fills as readonly Paint[])[0]?.type).toBe('IMAGE')
  })
})
