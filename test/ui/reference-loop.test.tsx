// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { fakePng, referenceMeta, settings } from './fixtures'
import { button, click, renderApp, TEST_KEY, type Rendered } from './render-app'

// The iteration loop in the panel: references that stay the designer's choice across runs,
// any 3 of many, a pinned board style, and a run's results one click from the next step.

let ui: Rendered
afterEach(() => ui.cleanup())

const plans = () => ui.ofType('run-start').map((m) => m.plan.referenceNodeIds)
const chosenNames = () => [...ui.container.querySelectorAll('.reference-chosen .reference-name')].map((el) => el.textContent)

/** One run of `count` results, all placed, then the plugin selects them as it does at a run's end. */
async function runOnce(count: number) {
  const before = ui.ofType('run-end').length
  await click(button(ui.container, 'Generate'))
  await vi.waitFor(() => expect(ui.runware.started).toBe(true))
  await vi.waitFor(() => expect(ui.runware.requests).toHaveLength(plans().length))
  for (let i = 0; i < count; i++) ui.runware.emit()
  ui.runware.finish()
  await vi.waitFor(() => expect(ui.ofType('run-end')).toHaveLength(before + 1))
  await ui.settle()
  const results = Array.from({ length: count }, (_, i) => referenceMeta(`node:${i}`, 1024, 1024, `Result ${i + 1}`, 'image'))
  await ui.receive({ type: 'selection', selectionId: 50 + before, state: 'ok', references: results, usableCount: count, own: true })
  await ui.settle()
}

/** The designer selects these nodes on the canvas; the first three come at full size, the rest as previews. */
async function designerSelects(selectionId: number, ids: string[], kind: 'frame' | 'image' = 'frame') {
  const metas = ids.map((id) => referenceMeta(id, 800, 600, `Frame ${id}`, kind))
  await ui.receive({ type: 'selection', selectionId, state: 'ok', references: metas, usableCount: ids.length, own: false })
  for (const [index, meta] of metas.entries()) {
    const preview = index >= 3
    await ui.receive({ type: 'reference-image', selectionId, nodeId: meta.nodeId, image: fakePng(preview ? 128 : 800, preview ? 96 : 600), ...(preview ? { preview } : {}) })
  }
}

describe('references across runs', () => {
  it('after a run the references are still that run’s, whatever the plugin selected, and Generate works at once', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 4 } })
    await designerSelects(1, ['1:1', '1:2'])
    await runOnce(4)
    expect(chosenNames()).toEqual(['Frame 1:1', 'Frame 1:2'])
    expect(button(ui.container, 'Generate').disabled).toBe(false)
    await runOnce(4)
    expect(plans()).toEqual([
      ['1:1', '1:2'],
      ['1:1', '1:2'],
    ])
  })

  it('after a 20-result run Generate is not disabled, and the panel says nothing about 20 frames', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 20, confirmAbove: 20 } })
    await designerSelects(1, ['1:1'])
    await runOnce(20)
    expect(button(ui.container, 'Generate').disabled).toBe(false)
    expect(ui.container.textContent).not.toMatch(/20 frames/)
    expect(ui.container.querySelectorAll('.result')).toHaveLength(20)
  })

  it('the designer selecting generated images offers them, in words that say images', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk' } })
    await designerSelects(1, ['node:0', 'node:1', 'node:2', 'node:3'], 'image')
    expect(ui.container.textContent).toContain('4 images: 3 used. Click one to swap (at most 3).')
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })
})

describe('any 3 of many', () => {
  it('chooses the first three; a click swaps the fourth in, fetches its full export, and the run sends it', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 1 } })
    await designerSelects(1, ['1:1', '1:2', '1:3', '1:4'])
    expect(chosenNames()).toEqual(['Frame 1:1', 'Frame 1:2', 'Frame 1:3'])
    const fourth = ui.container.querySelectorAll<HTMLButtonElement>('.reference-toggle')[3]!
    expect(fourth.textContent).toContain('Frame 1:4')
    expect(fourth.getAttribute('aria-pressed')).toBe('false')
    await click(fourth)
    await ui.settle()
    // only a preview of the fourth was exported: its full export is asked for by id
    expect(ui.ofType('export-references').at(-1)).toMatchObject({ nodeIds: ['1:4'] })
    const pressed = [...ui.container.querySelectorAll('.reference-toggle')].map((el) => el.getAttribute('aria-pressed'))
    expect(pressed).toEqual(['false', 'true', 'true', 'true'])
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(plans()).toEqual([['1:2', '1:3', '1:4']]))
  })
})

describe('a board style', () => {
  it('pinned, it rides along on every run and takes one of the three places; unpinned, it goes', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 1 } })
    await designerSelects(1, ['1:1', '1:2', '1:3'])
    await click(ui.container.querySelectorAll<HTMLButtonElement>('.reference .link-button')[2]!)
    expect(ui.ofType('pin-style')).toEqual([{ type: 'pin-style', style: { nodeId: '1:3', name: 'Frame 1:3', tag: 'style' } }])
    // the sandbox keeps it in the page and answers
    await ui.receive({ type: 'board-style', style: { nodeId: '1:3', name: 'Frame 1:3', tag: 'style' } })
    await ui.settle()
    expect(ui.container.querySelector('.reference-pinned .reference-name')?.textContent).toBe('Node 1:3')
    await runOnce(1)
    await designerSelects(60, ['1:4', '1:5', '1:6'])
    await runOnce(1)
    expect(plans()).toEqual([
      ['1:3', '1:1', '1:2'],
      ['1:3', '1:4', '1:5'],
    ])
    await click(button(ui.container, 'Unpin'))
    expect(ui.ofType('pin-style').at(-1)).toEqual({ type: 'pin-style', style: null })
    await ui.receive({ type: 'board-style', style: null })
    await ui.settle()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(plans().at(-1)).toEqual(['1:4', '1:5']))
  })

  it('says so when the pinned node was deleted', async () => {
    ui = renderApp()
    await ui.init()
    await ui.receive({ type: 'board-style', style: null, gone: 'Palette' })
    await ui.settle()
    expect(ui.container.textContent).toContain('“Palette” was deleted: no style is pinned now')
  })
})

describe('the next step in one click', () => {
  it('More like this on a result runs the same prompt with that result as the only reference', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 2 } })
    await designerSelects(1, ['1:1', '1:2'])
    await runOnce(2)
    await ui.receive({ type: 'selection', selectionId: 70, state: 'empty', references: [], usableCount: 0, own: false })
    const second = ui.container.querySelectorAll('.result')[1]!
    await click([...second.querySelectorAll('button')].find((b) => b.textContent === 'More like this')!)
    await vi.waitFor(() => expect(plans()).toHaveLength(2))
    expect(ui.ofType('run-start')[1]!.plan).toMatchObject({ prompt: 'Dunes at dusk', referenceNodeIds: ['node:1'] })
  })

  it('Use as reference adds a result; Show selects it as the plugin’s own selection', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk', numberResults: 2 } })
    await designerSelects(1, ['1:1'])
    await runOnce(2)
    const first = ui.container.querySelectorAll('.result')[0]!
    await click([...first.querySelectorAll('button')].find((b) => b.textContent === 'Use as reference')!)
    await ui.settle()
    expect(chosenNames()).toEqual(['Frame 1:1', 'Node node:0'])
    await click([...first.querySelectorAll('button')].find((b) => b.textContent === 'Show')!)
    expect(ui.ofType('select-nodes').at(-1)).toEqual({ type: 'select-nodes', requestId: expect.any(String), nodeIds: ['node:0'] })
  })

  it('Reuse in History brings back that run’s references, and names the ones that are gone', async () => {
    ui = renderApp({ goneNodes: ['1:9'] })
    await ui.init({ settings: { lastPrompt: 'Dunes at dusk' } })
    await designerSelects(1, ['1:5'])
    const entry = { id: 'h1', prompt: 'Tidal pools', width: 1024, height: 1024, count: 2, placed: 2, createdAt: '2025-01-01T00:00:00Z', nodeIds: [], referenceNodeIds: ['1:1', '1:9'], thumbnails: [] }
    ui.app.historyActions.reuse(entry)
    await ui.settle()
    await vi.waitFor(() => expect(chosenNames()).toEqual(['Node 1:1']))
    expect(ui.container.textContent).toContain('1 of 2 references of that run are gone')
  })
})

describe('Reuse when a reference’s node is gone', () => {
  const entry = (referenceImages?: string[]) => ({
    id: 'h1', prompt: 'Tidal pools', width: 1024, height: 1024, count: 1, placed: 1, createdAt: '2025-01-01T00:00:00Z',
    nodeIds: [], referenceNodeIds: ['1:1', '1:9'], thumbnails: [], ...(referenceImages ? { referenceImages } : {}),
  })

  it('sends its earlier upload while the upload cache still holds it', async () => {
    ui = renderApp({ goneNodes: ['1:9'] })
    const uploads = [{ account: 'a', hash: 'h', imageUUID: 'uuid-of-the-gone-one', usedAt: Date.now() }]
    await ui.receive({ type: 'init', settings: settings({ consentGiven: true }), apiKey: TEST_KEY, editorType: 'figma', command: 'open', uploads })
    await ui.receive({ type: 'selection', selectionId: 1, state: 'empty', references: [], usableCount: 0, own: false })
    ui.app.historyActions.reuse(entry(['uuid-of-the-first', 'uuid-of-the-gone-one']))
    await vi.waitFor(() => expect(ui.container.querySelectorAll('.reference-chosen')).toHaveLength(2))
    expect(ui.container.textContent).toContain('Deleted layer, sent as uploaded')
    await ui.settle()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.requests).toHaveLength(1))
    // the node still there is uploaded from its fresh export; the gone one goes as its imageUUID
    expect(ui.runware.requests[0]!.referenceImages).toEqual(['uploaded-1', 'uuid-of-the-gone-one'])
    expect(ui.ofType('run-start')[0]!.plan.referenceNodeIds).toEqual(['1:1', '1:9'])
  })

  it('names it as gone when the cache no longer holds its upload', async () => {
    ui = renderApp({ goneNodes: ['1:9'] })
    await ui.init()
    await ui.receive({ type: 'selection', selectionId: 1, state: 'empty', references: [], usableCount: 0, own: false })
    ui.app.historyActions.reuse(entry(['uuid-of-the-first', 'uuid-forgotten']))
    await vi.waitFor(() => expect(ui.container.textContent).toContain('1 of 2 references of that run are gone'))
    expect(chosenNames()).toEqual(['Node 1:1'])
  })
})
