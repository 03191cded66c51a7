import { describe, expect, it } from 'vitest'

import { readySandbox } from './harness'
import { nodeById, plan, startRun, viewOf } from './run-fixtures'

// A run is seen arriving: its placeholders come into view at its start, beside the plugin
// window rather than under it, and the designer's selection stays as it was.

describe('a run comes into view at its start', () => {
  it('shows the placeholders (and their sources) clear of the plugin window, selection untouched', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Desktop', x: 0, y: 0, width: 1440, height: 1024 })
    sandbox.fake.select([source])
    // The window sits at the right edge of a 1280×800 canvas area.
    sandbox.fake.moveWindow({ x: 1280 - 360 - 16, y: 16 })
    await sandbox.settle()
    const started = await startRun(sandbox, plan({ referenceNodeIds: [source.id], count: 4 }))

    const slots = await Promise.all(started.slotNodeIds.map((id) => nodeById(sandbox, id)))
    expect(viewOf(sandbox, slots)).toEqual({ inView: true, clearOfWindow: true })
    expect(viewOf(sandbox, [source])).toEqual({ inView: true, clearOfWindow: true })
    expect(sandbox.figma.currentPage.selection.map((n) => n.id)).toEqual([source.id])
    expect(sandbox.fake.scrolledIntoView).toHaveLength(0)
  })

  it('leaves the view alone when the placeholders are already in view and clear of the window', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Tile', x: -2400, y: -1500, width: 100, height: 100 })
    sandbox.fake.asHost(() => (sandbox.figma.viewport.zoom = 0.25))
    sandbox.fake.moveWindow({ x: 1280 - 360 - 16, y: 16 })
    await sandbox.settle()
    const moves = sandbox.fake.viewportMoves
    const started = await startRun(sandbox, plan({ referenceNodeIds: [source.id] }))
    expect(viewOf(sandbox, [await nodeById(sandbox, started.slotNodeIds[0]!)])).toEqual({ inView: true, clearOfWindow: true })
    expect(sandbox.fake.viewportMoves).toBe(moves)
  })

  it('keeps clear of a window that opened centred on the viewport, the default', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Phone', x: 0, y: 0, width: 390, height: 844 })
    const started = await startRun(sandbox, plan({ referenceNodeIds: [source.id], count: 2, size: { width: 720, height: 1280 } }))
    const slots = await Promise.all(started.slotNodeIds.map((id) => nodeById(sandbox, id)))
    expect(viewOf(sandbox, slots)).toEqual({ inView: true, clearOfWindow: true })
  })
})
