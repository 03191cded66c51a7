// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { listenToWindow } from '../../ui/bridge/window-port'
import { fakePng, record, referenceMeta } from './fixtures'
import { button, click, commit, field, generateReason, keyDown, renderApp, text, type, type Rendered } from './render-app'

let ui: Rendered
afterEach(() => {
  ui.cleanup()
  vi.restoreAllMocks()
})

function references(root: ParentNode) {
  return [...root.querySelectorAll('.reference')].map((item) =>
    [...item.querySelectorAll('.reference-name, .reference-size, .warning')].map(text).filter(Boolean).join(' | '),
  )
}

describe('selection', () => {
  it('explains in words what to select instead of showing an empty strip', async () => {
    ui = renderApp()
    await ui.init()
    expect(ui.container.textContent).toContain('Select 1 to 3 frames to use as references')
    await ui.receive({ type: 'selection', selectionId: 2, state: 'unsupported', references: [], usableCount: 0, own: false })
    expect(ui.container.textContent).toContain('The selected layers cannot be used as references')
    expect(ui.container.querySelector('[role="alert"]')).toBeNull() // a state, not an error
    expect(ui.container.querySelector('.references')).toBeNull()
  })

  it('shows each reference with its thumbnail, name, pixel size and what will be done to it', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select([
      [800, 600],
      [3000, 1000],
    ])
    expect(references(ui.container)).toEqual([
      'Frame 1:1 | 800 × 600 px',
      'Frame 1:2 | 3000 × 1000 px | Aspect is outside 1:2–2:1: will be padded to fit',
    ])
    const thumbs = [...ui.container.querySelectorAll<HTMLImageElement>('.thumb img')]
    expect(thumbs.map((img) => img.getAttribute('src'))).toEqual(['blob:test/1', 'blob:test/2'])
  })

  it('warns when a reference is heavy enough to be sent as JPEG', async () => {
    ui = renderApp()
    await ui.init()
    const ref = referenceMeta('1:1', 2048, 2048)
    await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references: [ref], usableCount: 1, own: false })
    await ui.receive({ type: 'reference-image', selectionId: 1, nodeId: '1:1', image: fakePng(2048, 2048, 3_100_000) })
    expect(ui.container.textContent).toContain('Large image: sent as a high-quality JPEG to upload faster')
  })

  it('revokes a thumbnail URL when its image is replaced, and ignores stale exports', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select([[800, 600]], 1)
    // same frame, edited: its export differs, so the old thumbnail goes
    await ui.receive({ type: 'selection', selectionId: 2, state: 'ok', references: [referenceMeta('1:1')], usableCount: 1, own: false })
    await ui.receive({ type: 'reference-image', selectionId: 2, nodeId: '1:1', image: fakePng(800, 600, 100) })
    expect(ui.revoked).toEqual(['blob:test/1'])
    await ui.receive({ type: 'reference-image', selectionId: 1, nodeId: '1:1', image: fakePng(5, 5) })
    expect(ui.created).toEqual(['blob:test/1', 'blob:test/2'])
    expect(ui.container.querySelector('.thumb img')?.getAttribute('src')).toBe('blob:test/2')
  })

  it('keeps an unchanged frame’s thumbnail and hash when it is selected again', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Linen' } })
    const prepare = vi.spyOn(ui.app.controller, 'prepare')
    await ui.select([[800, 600]], 1)
    const first = prepare.mock.calls[0]![0]
    // the designer selects four other frames, then the frame again: a fresh export
    const four = ['3:1', '3:2', '3:3', '3:4'].map((id) => referenceMeta(id))
    await ui.receive({ type: 'selection', selectionId: 2, state: 'ok', references: four, usableCount: 4, own: false })
    await ui.receive({ type: 'selection', selectionId: 3, state: 'ok', references: [referenceMeta('1:1')], usableCount: 1, own: false })
    expect(generateReason(ui.container)).toBe('Waiting for the reference images…')
    const again = fakePng(800, 600)
    await ui.receive({ type: 'reference-image', selectionId: 3, nodeId: '1:1', image: again })
    expect(again).not.toBe(first)
    expect(ui.created).toEqual(['blob:test/1'])
    expect(ui.revoked).toEqual([])
    expect(ui.container.querySelector('.thumb img')?.getAttribute('src')).toBe('blob:test/1')
    // the bytes already hashed are the ones kept and prepared, so the hash is not worked out again
    expect(prepare.mock.calls.map(([bytes]) => bytes)).toEqual([first, first])
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })

  it('holds the pixels of a few deselected frames besides the listed ones, dropping the oldest first', async () => {
    ui = renderApp()
    await ui.init()
    // eight frames selected one after another: the listed one and six others are held
    for (let i = 1; i <= 8; i++) {
      await ui.receive({ type: 'selection', selectionId: i, state: 'ok', references: [referenceMeta(`2:${i}`)], usableCount: 1, own: false })
      expect(ui.revoked).toEqual(i < 8 ? [] : ['blob:test/1'])
      await ui.receive({ type: 'reference-image', selectionId: i, nodeId: `2:${i}`, image: fakePng(800, 600) })
    }
    expect([...ui.app.state.images.value.keys()]).toEqual(['2:2', '2:3', '2:4', '2:5', '2:6', '2:7', '2:8'])
    // selecting a held frame again makes it the most recent
    await ui.receive({ type: 'selection', selectionId: 9, state: 'ok', references: [referenceMeta('2:2')], usableCount: 1, own: false })
    await ui.receive({ type: 'reference-image', selectionId: 9, nodeId: '2:2', image: fakePng(800, 600) })
    await ui.receive({ type: 'selection', selectionId: 10, state: 'ok', references: [referenceMeta('2:9')], usableCount: 1, own: false })
    expect(ui.revoked).toEqual(['blob:test/1', 'blob:test/3'])
    expect(ui.created).toHaveLength(8)
  })

  it('asks the sandbox to export the references again, by id, on Refresh', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select()
    await click(button(ui.container, 'Refresh'))
    expect(ui.ofType('export-references')).toEqual([{ type: 'export-references', requestId: expect.any(String), nodeIds: ['1:1'] }])
  })

  it('waits for the pixels of every reference before Generate is possible', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Linen' } })
    await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references: [referenceMeta('1:1')], usableCount: 1, own: false })
    expect(generateReason(ui.container)).toBe('Waiting for the reference images…')
    await ui.receive({ type: 'reference-image', selectionId: 1, nodeId: '1:1', image: fakePng(800, 600) })
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })
})

describe('prompt', () => {
  it('counts as you type and turns into an error past 1000', async () => {
    ui = renderApp()
    await ui.init()
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    await type(prompt, 'Rust and moss 🌿')
    const counter = ui.container.querySelector('#prompt-counter')!
    expect(counter.textContent).toBe('16 / 1000')
    expect(prompt.getAttribute('aria-describedby')).toContain('prompt-counter')

    await type(prompt, 'x'.repeat(1003))
    expect(counter.textContent).toBe('1003 / 1000')
    expect(counter.className).toContain('counter-over')
    expect(prompt.getAttribute('aria-invalid')).toBe('true')
    expect(ui.container.textContent).toContain('Shorten it by 3')
  })

  it('generates with Ctrl+Enter or Cmd+Enter, and not with Enter alone', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Terracotta, noon' } })
    await ui.select()
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    await keyDown(prompt, { key: 'Enter' })
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(0)
    await keyDown(prompt, { key: 'Enter', ctrlKey: true })
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(1)
    ui.app.actions.cancel()
    await ui.settle()
    await keyDown(prompt, { key: 'Enter', metaKey: true })
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(2)
  })

  it('keeps the prompt: saved through the sandbox a moment after typing', async () => {
    vi.useFakeTimers()
    try {
      ui = renderApp()
      await ui.init()
      await type(field<HTMLTextAreaElement>(ui.container, 'Prompt'), 'Velvet dusk')
      expect(ui.ofType('save-settings')).toHaveLength(0)
      vi.advanceTimersByTime(700)
      expect(ui.ofType('save-settings').at(-1)!.settings.lastPrompt).toBe('Velvet dusk')
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('size', () => {
  it('offers exactly the 16 allowed sizes, grouped by aspect and labelled with tier', async () => {
    ui = renderApp()
    await ui.init()
    const size = field<HTMLSelectElement>(ui.container, 'Size')
    expect(size.tagName).toBe('SELECT')
    expect(size.querySelectorAll('option')).toHaveLength(16)
    const groups = [...size.querySelectorAll('optgroup')]
    expect(groups.map((g) => g.label)).toEqual([
      '16:9 landscape',
      '9:16 portrait',
      '1:1 square',
      '4:3 landscape',
      '3:4 portrait',
      '21:9 wide',
    ])
    expect([...groups[3]!.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '1440 × 1080 · 1080p',
      '1168 × 880 · 1K',
      '960 × 720 · 720p',
    ])
  })

  it('preselects the size closest to the first reference, once, unless the user picked one', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select([[1000, 1800]])
    const size = field<HTMLSelectElement>(ui.container, 'Size')
    expect(size.value).toBe('1080x1920')
    await commit(size, '1280x720')
    expect(ui.ofType('save-settings').at(-1)!.settings.size).toEqual({ width: 1280, height: 720 })
    await ui.select([[900, 900]], 2)
    expect(size.value).toBe('1280x720')
    await click(button(ui.container, 'Match reference'))
    expect(size.value).toBe('1080x1080')
  })

  it('matches a selection that arrived before init, once the saved size is known', async () => {
    ui = renderApp()
    await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references: [referenceMeta('1:1', 2000, 900)], usableCount: 1, own: false })
    await ui.init({ settings: { size: { width: 720, height: 720 } } })
    expect(field<HTMLSelectElement>(ui.container, 'Size').value).toBe('2112x912')
  })

  it('leaves a size the user picked before references arrived alone', async () => {
    ui = renderApp()
    await ui.init()
    await commit(field<HTMLSelectElement>(ui.container, 'Size'), '2112x912')
    await ui.select([[600, 800]])
    expect(field<HTMLSelectElement>(ui.container, 'Size').value).toBe('2112x912')
  })
})

describe('number of results', () => {
  it('clamps out-of-range input to 1–20 and says why', async () => {
    ui = renderApp()
    await ui.init()
    const count = field(ui.container, 'Number of results')
    await commit(count, '25')
    expect(count.value).toBe('20')
    expect(ui.container.textContent).toContain('At most 20 results per run')
    expect(ui.ofType('save-settings').at(-1)!.settings.numberResults).toBe(20)
    await commit(count, '0')
    expect(count.value).toBe('1')
    expect(ui.container.textContent).toContain('At least 1 result')
  })

  it('steps with the buttons and stops at the ends', async () => {
    ui = renderApp()
    await ui.init({ settings: { numberResults: 19 } })
    const more = button(ui.container, 'More results')
    await click(more)
    expect(field(ui.container, 'Number of results').value).toBe('20')
    expect(more.disabled).toBe(true)
    await click(button(ui.container, 'Fewer results'))
    expect(field(ui.container, 'Number of results').value).toBe('19')
  })
})

describe('Generate', () => {
  it('says what is missing, one thing at a time', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null, settings: { consentGiven: false } })
    const reasons = [generateReason(ui.container)]
    ui.app.actions.saveKey('rw-key-abcdef')
    await ui.settle()
    reasons.push(generateReason(ui.container))
    await click(button(ui.container, 'I understand'))
    reasons.push(generateReason(ui.container))
    await ui.select()
    reasons.push(generateReason(ui.container))
    await type(field<HTMLTextAreaElement>(ui.container, 'Prompt'), 'Glass, steam, copper')
    reasons.push(generateReason(ui.container))
    expect(reasons).toEqual([
      'Add your Runware API key first',
      'Confirm the note about Runware first',
      'Select 1 to 3 frames to use as references',
      'Write a prompt to describe what you want',
      null,
    ])
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })
})

describe('incoming messages', () => {
  it('ignores an invalid message from the sandbox without changing anything', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Chalk' } })
    await ui.select()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const stop = listenToWindow(ui.app.bridge, { source: window, sender: window })
    const before = ui.container.innerHTML
    window.dispatchEvent(
      new MessageEvent('message', {
        source: window,
        data: { pluginMessage: { type: 'selection', selectionId: 9, state: 'empty', references: 'none', usableCount: -1, own: false } },
      }),
    )
    window.dispatchEvent(new MessageEvent('message', { source: window, data: { pluginMessage: { type: 'key-state' } } }))
    await ui.settle()
    stop()
    expect(ui.container.innerHTML).toBe(before)
    expect(ui.app.state.apiKey.value).not.toBeNull()
    expect(warn).toHaveBeenCalledTimes(2)
    expect(String(warn.mock.calls[0]![0])).toContain("message 'selection' refused")
  })

  it('applies plugin messages only from the window hosting the plugin, and says so without echoing them', async () => {
    ui = renderApp()
    await ui.init({ apiKey: 'rw-real-key-1234', settings: { lastPrompt: 'Chalk', consentGiven: true } })
    const warnings: string[] = []
    const host = { name: 'host' } as unknown as Window
    // another frame of the page: any of them can post to the plugin's window
    const forger = { name: 'forger' } as unknown as MessageEventSource
    const stop = listenToWindow(ui.app.bridge, { source: window, sender: host, warn: (message) => warnings.push(message) })
    const post = (source: MessageEventSource | null, pluginMessage: unknown) => window.dispatchEvent(new MessageEvent('message', { source, data: { pluginMessage } }))
    const forgedInit = { type: 'init', settings: { lastPrompt: 'forged-prompt' }, apiKey: 'forged-key-5678', editorType: 'figma', command: '', uploads: [] }
    post(forger, forgedInit)
    post(forger, { type: 'key-state', apiKey: 'forged-key-5678' })
    post(null, { type: 'key-state', apiKey: null })
    await ui.settle()
    expect(ui.app.state.apiKey.value).toBe('rw-real-key-1234')
    expect(ui.app.state.prompt.value).toBe('Chalk')
    expect(warnings).toHaveLength(3)
    for (const warning of warnings) {
      expect(warning).toContain('did not come from the window that hosts the plugin')
      expect(warning).not.toMatch(/forged|key-state|init/)
    }
    // the same message from the host is applied
    post(host as unknown as MessageEventSource, { type: 'key-state', apiKey: 'rw-new-key-9999' })
    await ui.settle()
    stop()
    expect(ui.app.state.apiKey.value).toBe('rw-new-key-9999')
    expect(warnings).toHaveLength(3)
  })
})

describe('a selected generated image', () => {
  it('shows what made it and refills the form from it', async () => {
    ui = renderApp()
    await ui.init({ settings: { numberResults: 6 } })
    await ui.receive({ type: 'selected-record', nodeId: '5:5', record: record() })
    const card = ui.container.querySelector('.card')!
    expect(text(card)).toContain('Foggy harbour at dawn')
    expect(text(card)).toContain('Size1280 × 720 · 720p')
    expect(text(card)).toContain('Seed4242')
    expect(text(card)).toContain('Cost$0.02')
    await click(button(ui.container, 'Use this prompt'))
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Foggy harbour at dawn')
    expect(field<HTMLSelectElement>(ui.container, 'Size').value).toBe('1280x720')
    expect(field(ui.container, 'Number of results').value).toBe('6')

    await ui.receive({ type: 'selected-record', nodeId: null, record: null })
    expect(ui.container.querySelector('.card')).toBeNull()
  })

  it('selects the frames it was made from, and says when some are gone', async () => {
    ui = renderApp({
      reply: (m) => (m.type === 'select-nodes' ? { type: 'nodes-selected', requestId: m.requestId, found: 1 } : null),
    })
    await ui.init()
    await ui.receive({ type: 'selected-record', nodeId: '5:5', record: record({ referenceNodeIds: ['1:1', '1:2'] }) })
    await click(button(ui.container, 'Select references'))
    await ui.settle()
    expect(ui.ofType('select-nodes')[0]!.nodeIds).toEqual(['1:1', '1:2'])
    expect(ui.container.textContent).toContain('1 of 2 references are no longer in this file')
  })

  it('prefills from the record when opened with Variations', async () => {
    ui = renderApp()
    await ui.init({ command: 'variations', settings: { lastPrompt: 'old prompt' } })
    await ui.select([[1280, 720]])
    await ui.receive({ type: 'selected-record', nodeId: '1:1', record: record({ prompt: 'Brass and fog', width: 720, height: 1280 }) })
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Brass and fog')
    expect(field<HTMLSelectElement>(ui.container, 'Size').value).toBe('720x1280')
    // only the first record prefills: selecting another image later does not overwrite the form
    await ui.receive({ type: 'selected-record', nodeId: '1:9', record: record({ prompt: 'Other' }) })
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Brass and fog')
  })

  it('renders HTML in prompts and names as text, never as markup', async () => {
    ui = renderApp()
    await ui.init()
    const evil = '<img src=x onerror="alert(1)"><b>bold</b>'
    await ui.receive({ type: 'selected-record', nodeId: '5:5', record: record({ prompt: evil }) })
    await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references: [referenceMeta('1:1', 800, 600, evil)], usableCount: 1, own: false })
    const card = ui.container.querySelector('.card')!
    expect(card.querySelector('b')).toBeNull()
    expect(card.querySelector('.record-prompt')!.textContent).toBe(evil)
    expect(ui.container.querySelector('.reference-name')!.textContent).toBe(evil)
    expect(ui.container.querySelectorAll('img[src="x"]')).toHaveLength(0)
  })
})
