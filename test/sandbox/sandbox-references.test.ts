import { describe, expect, it } from 'vitest'

import { readImageInfo } from '../figma-fake/index'
import { delay, readySandbox, startSandbox, type Sandbox } from './harness'
import { endRun, place, plan, startRun } from './run-fixtures'
import { BOARD_STYLE_KEY } from '../../src/common/storage-keys'

// The sandbox's side of references that stay the designer's choice: its own selections are
// marked as such and export nothing, nodes can be exported by id, and a page keeps a board style.

/** Past the selection debounce, with everything the change caused handled. */
async function afterSelection(sandbox: Sandbox): Promise<void> {
  await delay(200)
  await sandbox.settle()
}

describe('the plugin’s own selections', () => {
  it('a run’s end selects its results as the plugin’s own: reported so, and nothing exported', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Mood', width: 600, height: 600 })
    const run = plan({ referenceNodeIds: [frame.id], count: 2 })
    await startRun(sandbox, run)
    await place(sandbox, run, 0)
    await place(sandbox, run, 1)
    const after = sandbox.received.length
    await endRun(sandbox, run)
    await afterSelection(sandbox)
    const selections = sandbox.received.slice(after).filter((m) => m.type === 'selection')
    expect(selections).toHaveLength(1)
    expect(selections[0]).toMatchObject({ own: true, state: 'ok', usableCount: 2 })
    expect(selections[0]!.type === 'selection' && selections[0]!.references.map((r) => r.kind)).toEqual(['image', 'image'])
    expect(sandbox.received.slice(after).filter((m) => m.type === 'reference-image')).toEqual([])

    // the designer then selects the very same results by hand: theirs, and exported
    const results = [...sandbox.figma.currentPage.selection]
    sandbox.fake.select([])
    await afterSelection(sandbox)
    const mine = sandbox.received.length
    sandbox.fake.select(results)
    const selection = await sandbox.waitFor('selection', () => true, mine)
    expect(selection.own).toBe(false)
    await sandbox.waitFor('reference-image', (m) => m.selectionId === selection.selectionId, mine)
  })

  it('Show (select-nodes) is the plugin’s own selection; asked to offer them as references, it is not', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Mood', width: 600, height: 600 })
    let after = sandbox.received.length
    await sandbox.request({ type: 'select-nodes', requestId: 's1', nodeIds: [frame.id] }, 'nodes-selected')
    await afterSelection(sandbox)
    expect(sandbox.received.slice(after).find((m) => m.type === 'selection')).toMatchObject({ own: true })
    sandbox.fake.select([])
    await afterSelection(sandbox)
    after = sandbox.received.length
    await sandbox.request({ type: 'select-nodes', requestId: 's2', nodeIds: [frame.id], asReferences: true }, 'nodes-selected')
    await afterSelection(sandbox)
    expect(sandbox.received.slice(after).find((m) => m.type === 'selection')).toMatchObject({ own: false })
  })
})

describe('export-references', () => {
  it('exports the nodes asked for by id, in a pass of its own, and names the ones that are gone', async () => {
    const sandbox = await readySandbox()
    const a = sandbox.fake.addFrame({ name: 'a', x: 900, width: 800, height: 600 })
    const b = sandbox.fake.addFrame({ name: 'b', x: 0, width: 600, height: 600 })
    const lastPass = Math.max(0, ...sandbox.of('selection').map((m) => m.selectionId))
    const reply = await sandbox.request({ type: 'export-references', requestId: 'e1', nodeIds: [a.id, '9:99', b.id] }, 'references-exported')
    // in the order asked, not canvas order: the UI asked for a run's references as they were
    expect(reply.references.map((r) => r.name)).toEqual(['a', 'b'])
    expect(reply.missing).toEqual(['9:99'])
    expect(reply.selectionId).toBeGreaterThan(lastPass)
    await sandbox.settle()
    const images = sandbox.of('reference-image').filter((m) => m.selectionId === reply.selectionId)
    expect(images.map((m) => [m.nodeId, m.preview, readImageInfo(m.image)?.width])).toEqual([
      [a.id, undefined, 800],
      [b.id, undefined, 600],
    ])
  })

  it('exports previews, small, when asked for them', async () => {
    const sandbox = await readySandbox()
    const a = sandbox.fake.addFrame({ name: 'a', width: 1600, height: 800 })
    const reply = await sandbox.request({ type: 'export-references', requestId: 'e2', nodeIds: [a.id], preview: true }, 'references-exported')
    await sandbox.settle()
    const image = sandbox.of('reference-image').find((m) => m.selectionId === reply.selectionId)
    expect(image?.preview).toBe(true)
    expect(readImageInfo(image!.image)).toMatchObject({ width: 128, height: 64 })
  })
})

describe('board style', () => {
  const style = (nodeId: string) => ({ nodeId, name: 'Palette', tag: 'style' })

  it('is pinned in the page’s plugin data, read back at start, and unpinned with null', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Palette', width: 600, height: 600 })
    expect(sandbox.of('board-style')).toEqual([{ type: 'board-style', style: null }])
    sandbox.send({ type: 'pin-style', style: style(frame.id) })
    await sandbox.settle()
    expect(JSON.parse(sandbox.figma.currentPage.getPluginData(BOARD_STYLE_KEY))).toEqual(style(frame.id))
    expect(sandbox.of('board-style').at(-1)).toEqual({ type: 'board-style', style: style(frame.id) })
    sandbox.send({ type: 'pin-style', style: null })
    await sandbox.settle()
    expect(sandbox.figma.currentPage.getPluginData(BOARD_STYLE_KEY)).toBe('')
    expect(sandbox.of('board-style').at(-1)).toEqual({ type: 'board-style', style: null })
  })

  it('a collaborator opening the plugin on that page gets it', async () => {
    // the document already holds a pinned style when the plugin opens
    const sandbox = await startSandbox()
    const frame = sandbox.fake.addFrame({ name: 'Palette', width: 600, height: 600 })
    sandbox.fake.asHost(() => sandbox.figma.currentPage.setPluginData(BOARD_STYLE_KEY, JSON.stringify(style(frame.id))))
    sandbox.send({ type: 'ui-ready' })
    expect(await sandbox.waitFor('board-style')).toEqual({ type: 'board-style', style: style(frame.id) })
  })

  it('a deleted pinned node is unpinned and named, once', async () => {
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Palette', width: 600, height: 600 })
    sandbox.send({ type: 'pin-style', style: style(frame.id) })
    await sandbox.settle()
    sandbox.fake.select([frame])
    await afterSelection(sandbox)
    const after = sandbox.received.length
    sandbox.fake.asHost(() => frame.remove())
    await afterSelection(sandbox)
    expect(sandbox.received.slice(after).filter((m) => m.type === 'board-style')).toEqual([{ type: 'board-style', style: null, gone: 'Palette' }])
    expect(sandbox.figma.currentPage.getPluginData(BOARD_STYLE_KEY)).toBe('')
  })

  it('unreadable plugin data counts as no style', async () => {
    const sandbox = await readySandbox()
    sandbox.fake.asHost(() => sandbox.figma.currentPage.setPluginData(BOARD_STYLE_KEY, '{"nodeId":'))
    sandbox.send({ type: 'pin-style', style: null })
    await sandbox.settle()
    expect(sandbox.of('board-style').at(-1)).toEqual({ type: 'board-style', style: null })
  })
})
