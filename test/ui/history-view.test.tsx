// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { HistoryEntry } from '../../src/common/history'
import { entry } from '../history/fixtures'
import { fakeJpeg, fakePng, referenceMeta, settings } from './fixtures'
import { button, click, field, renderApp, type, type Rendered } from './render-app'

// The History view, the cost line and the hidden Quick Actions run, in the whole UI.

let ui: Rendered
afterEach(() => {
  ui.cleanup()
  vi.restoreAllMocks()
})

const runs: HistoryEntry[] = [
  entry('r3', { prompt: 'Tidal pools <b>macro</b>', width: 720, height: 1280, count: 3, placed: 3, cost: 0.06, thumbnails: [new Uint8Array(fakeJpeg(54, 96))] }),
  entry('r2', { prompt: 'Dunes at dawn', count: 4, placed: 3 }),
  entry('r1', { prompt: 'Dunes at dusk', nodeIds: ['9:1'] }),
]

async function withHistory(): Promise<void> {
  await ui.init()
  await ui.receive({ type: 'history', entries: runs, spend: { total: 0.18, images: 9, lastPricePerImage: 0.02 } })
}

function items(): HTMLElement[] {
  return [...ui.container.querySelectorAll<HTMLElement>('.history-item')]
}

describe('History view', () => {
  it('asks for History once init has come and lists runs with size, count, cost and thumbnails', async () => {
    ui = renderApp()
    await withHistory()
    expect(ui.ofType('history-list')).toHaveLength(1)
    await click(button(ui.container, 'History'))
    expect(ui.ofType('history-list')).toHaveLength(2)
    expect(items()).toHaveLength(3)
    const first = items()[0]!
    // untrusted text stays text
    expect(first.querySelector('b')).toBeNull()
    expect(first.textContent).toContain('Tidal pools <b>macro</b>')
    expect(first.textContent).toContain('720 × 1280')
    expect(first.textContent).toContain('$0.06')
    expect(first.querySelectorAll('img')).toHaveLength(1)
    expect(items()[1]!.textContent).toContain('3 of 4 images')
    expect(ui.container.textContent).toContain('Spent so far: $0.18 for 9 images')
  })

  it('searches by prompt text and says when nothing matches', async () => {
    ui = renderApp()
    await withHistory()
    await click(button(ui.container, 'History'))
    await type(field(ui.container, 'Search prompts'), 'dunes')
    expect(items().map((item) => item.querySelector('.record-prompt')!.textContent)).toEqual(['Dunes at dawn', 'Dunes at dusk'])
    await type(field(ui.container, 'Search prompts'), 'forest')
    expect(items()).toHaveLength(0)
    expect(ui.container.textContent).toContain('No run’s prompt contains “forest”')
  })

  it('“Reuse” fills prompt, size and count and saves them; “Show on canvas” selects or says they are gone', async () => {
    ui = renderApp({
      reply: (message) =>
        message.type === 'select-nodes' ? { type: 'nodes-selected', requestId: message.requestId, found: message.nodeIds[0] === '9:1' ? 0 : message.nodeIds.length } : null,
    })
    await withHistory()
    await click(button(ui.container, 'History'))
    const showButton = (item: HTMLElement) => [...item.querySelectorAll('button')].find((b) => b.textContent === 'Show on canvas')!
    await click(showButton(items()[2]!))
    await ui.settle()
    expect(ui.app.state.view.value).toBe('history')
    expect(ui.container.textContent).toContain('are no longer on this page')

    await click(showButton(items()[0]!))
    await ui.settle()
    expect(ui.ofType('select-nodes').at(-1)!.nodeIds).toEqual(['1:1', '1:2'])
    expect(ui.container.textContent).toContain('Selected 2 images on the canvas.')

    await click([...items()[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Reuse')!)
    expect(ui.app.state.view.value).toBe('main')
    expect(ui.app.state.prompt.value).toBe('Tidal pools <b>macro</b>')
    expect(ui.app.state.size.value).toEqual({ width: 720, height: 1280 })
    expect(ui.app.state.count.value).toBe(3)
    expect(ui.ofType('save-settings').at(-1)!.settings).toMatchObject({ numberResults: 3, size: { width: 720, height: 1280 } })
  })

  it('removes a run on request', async () => {
    ui = renderApp()
    await withHistory()
    await click(button(ui.container, 'History'))
    await click(button(ui.container, 'Remove from History: Dunes at dawn'))
    expect(ui.ofType('history-remove')).toEqual([])
    await click(button(ui.container, 'Remove'))
    expect(ui.ofType('history-remove')).toEqual([{ type: 'history-remove', id: 'r2' }])
  })
})

describe('tags in History', () => {
  it('records a tagged run with its tags, and Reuse gives the restored references the same tags by position', async () => {
    ui = renderApp()
    await ui.init({ settings: { numberResults: 1, lastPrompt: '@dunes under @tide' } })
    const references = [referenceMeta('1:1', 800, 600, 'Sunset dunes'), referenceMeta('1:2', 800, 600, 'Tidal blue')]
    await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references, usableCount: 2, own: false })
    for (const ref of references) await ui.receive({ type: 'reference-image', selectionId: 1, nodeId: ref.nodeId, image: fakePng(800, 600) })
    ui.app.actions.renameTag('1:1', 'dunes')
    ui.app.actions.renameTag('1:2', 'tide')
    await ui.settle()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    ui.runware.emit()
    ui.runware.finish()
    await vi.waitFor(() => expect(ui.ofType('history-add')).toHaveLength(1))
    const recorded = ui.ofType('history-add')[0]!.entry
    expect(recorded).toMatchObject({ prompt: '@dunes under @tide', referenceNodeIds: ['1:1', '1:2'], referenceTags: ['dunes', 'tide'] })

    // the designer moves on: the tags are forgotten, then Reuse brings them back
    ui.app.state.tagNames.value = new Map()
    await ui.receive({ type: 'history', entries: [recorded], spend: { total: 0, images: 0 } })
    await click(button(ui.container, 'History'))
    await click([...items()[0]!.querySelectorAll('button')].find((b) => b.textContent === 'Reuse')!)
    await ui.settle()
    expect([...ui.container.querySelectorAll<HTMLInputElement>('.tag-chip input')].map((input) => input.value)).toEqual(['dunes', 'tide'])
  })
})

describe('cost line', () => {
  const estimate = () => ui.container.querySelector('#cost-estimate')?.textContent
  const runCost = () => ui.container.querySelector('#cost-run')?.textContent

  it('estimates the first run at the published price, then from the last price Runware reported, following the count', async () => {
    ui = renderApp()
    await ui.init()
    expect(estimate()).toBe('4 images · about $0.08')
    await ui.receive({ type: 'history', entries: runs, spend: { total: 0.18, images: 9, lastPricePerImage: 0.03 } })
    expect(estimate()).toBe('4 images · about $0.12')
    await click(button(ui.container, 'More results'))
    expect(estimate()).toBe('5 images · about $0.15')
    // the running total is History's, not the form's
    expect(ui.container.querySelector('.view')!.textContent).not.toContain('Spent so far')
  })

  it('says what the run on screen cost once Runware reported it, and records it in History', async () => {
    ui = renderApp()
    await ui.init({ settings: { numberResults: 2, lastPrompt: 'Fern spirals' } })
    await ui.select()
    expect(runCost()).toBeUndefined()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    ui.runware.emit()
    ui.runware.emit()
    ui.runware.finish()
    await vi.waitFor(() => expect(ui.ofType('history-add')).toHaveLength(1))
    expect(ui.ofType('history-add')[0]!.entry).toMatchObject({ prompt: 'Fern spirals', count: 2, placed: 2, cost: 0.04, nodeIds: ['node:0', 'node:1'] })
    await ui.settle()
    expect(runCost()).toBe('This run: $0.04')
    expect(estimate()).toBe('2 images · about $0.04')
  })
})

describe('Quick Actions run in the hidden UI', () => {
  it('runs with the last settings once the references are in, then asks to close with what was placed', async () => {
    ui = renderApp()
    await ui.init({ command: 'generate', settings: { numberResults: 1, lastPrompt: 'Fern spirals', size: { width: 1920, height: 1080 } } })
    await ui.select([[600, 800]])
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    ui.runware.emit()
    ui.runware.finish()
    await vi.waitFor(() => expect(ui.ofType('close-plugin')).toHaveLength(1))
    expect(ui.ofType('close-plugin')[0]!.message).toBe('Placed 1 image for “Fern spirals”')
    // said before anything was sent
    const said = ui.sent.findIndex((m) => m.type === 'notify' && m.message === 'Generating 1 image · about $0.02…')
    expect(said).toBeGreaterThanOrEqual(0)
    expect(said).toBeLessThan(ui.sent.findIndex((m) => m.type === 'run-start'))
    // the saved size, not one matched to the portrait reference
    expect(ui.ofType('run-start')[0]!.plan.size).toEqual({ width: 1920, height: 1080 })
    expect(ui.ofType('history-add')).toHaveLength(1)
  })

  it('does not make a run above the confirmation threshold hidden, and says so', async () => {
    ui = renderApp()
    await ui.init({ command: 'generate', settings: { numberResults: 12, confirmAbove: 8, lastPrompt: 'Fern spirals' } })
    await ui.select()
    await vi.waitFor(() => expect(ui.ofType('close-plugin')).toHaveLength(1))
    expect(ui.ofType('close-plugin')[0]!.message).toBe('Nothing generated: 12 images · about $0.24 needs confirming; run it from the plugin window')
    expect(ui.ofType('run-start')).toHaveLength(0)
    expect(ui.runware.started).toBe(false)
  })

  it('closes with the reason when it cannot run', async () => {
    ui = renderApp()
    await ui.init({ command: 'generate', apiKey: null, settings: { lastPrompt: 'Fern spirals' } })
    await ui.receive({ type: 'selection', selectionId: 1, state: 'empty', references: [], usableCount: 0, own: false })
    await vi.waitFor(() => expect(ui.ofType('close-plugin')).toHaveLength(1))
    expect(ui.ofType('close-plugin')[0]!.message).toBe('Nothing generated: Add your Runware API key first')
    expect(ui.ofType('run-start')).toHaveLength(0)
  })
})

describe('FigJam', () => {
  it('speaks of the items a board holds rather than frames', async () => {
    ui = renderApp()
    await ui.receive({ type: 'init', settings: settings({ consentGiven: true }), apiKey: 'rw-key-0123456789', editorType: 'figjam', command: 'open' })
    await ui.receive({ type: 'selection', selectionId: 1, state: 'empty', references: [], usableCount: 0, own: false })
    expect(ui.container.textContent).toContain('Select 1 to 3 items to use as references')
    expect(ui.container.textContent).toContain('Images, stickies, shapes and sections all work.')
    const five = ['1:1', '1:2', '1:3', '1:4', '1:5'].map((id) => referenceMeta(id))
    await ui.receive({ type: 'selection', selectionId: 2, state: 'ok', references: five, usableCount: 5, own: false })
    expect(ui.container.textContent).toContain('5 items: 3 used. Click one to swap (at most 3).')
  })
})
