// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import type { KeyCheckOutcome, KeyCheckRequest } from '../../ui/runware'
import { button, click, commit, field, keyDown, queryButton, renderApp, type, type Rendered } from './render-app'

// Spending is never a surprise (a large run asks first, in the generate bar) and a key is
// checked with Runware the moment it is saved.

let ui: Rendered
afterEach(() => ui.cleanup())

const question = () => ui.container.querySelector('#confirm-question')?.textContent ?? null

async function readyToGenerate(count: number, confirmAbove = 8) {
  ui = renderApp()
  await ui.init({ settings: { numberResults: count, confirmAbove, lastPrompt: 'Salt flats at noon' } })
  await ui.select()
}

describe('a run above the confirmation threshold', () => {
  it('asks with its estimate, focused on Confirm, and sends nothing until confirmed', async () => {
    await readyToGenerate(12)
    await click(button(ui.container, 'Generate'))
    expect(question()).toBe('12 images · about $0.24 — Generate 12?')
    expect(document.activeElement).toBe(button(ui.container, 'Confirm'))
    expect(queryButton(ui.container, 'Generate')).toBeNull()
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(0)
    expect(ui.runware.started).toBe(false)

    await click(button(ui.container, 'Confirm'))
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    expect(ui.runware.requests[0]!.numberResults).toBe(12)
    expect(question()).toBeNull()
  })

  it('spends nothing when cancelled, by button or Escape, and gives focus back to Generate', async () => {
    await readyToGenerate(12)
    await click(button(ui.container, 'Generate'))
    await click(button(ui.container, 'Cancel'))
    expect(question()).toBeNull()
    expect(document.activeElement).toBe(button(ui.container, 'Generate'))

    await click(button(ui.container, 'Generate'))
    await keyDown(button(ui.container, 'Confirm'), { key: 'Escape' })
    expect(question()).toBeNull()
    expect(document.activeElement).toBe(button(ui.container, 'Generate'))
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(0)
    expect(ui.runware.started).toBe(false)
  })

  it('asks again for the next large run, and withdraws the question when the count changes', async () => {
    await readyToGenerate(9)
    await click(button(ui.container, 'Generate'))
    await click(button(ui.container, 'Confirm'))
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    for (let i = 0; i < 9; i++) ui.runware.emit()
    ui.runware.finish()
    await vi.waitFor(() => expect(queryButton(ui.container, 'Generate')).not.toBeNull())

    await click(button(ui.container, 'Generate'))
    expect(question()).toBe('9 images · about $0.18 — Generate 9?')
    await click(button(ui.container, 'Fewer results'))
    expect(question()).toBeNull()
    expect(ui.ofType('run-start')).toHaveLength(1)
  })

  it('withdraws the question when Generate stops being possible, and does not bring it back unasked', async () => {
    await readyToGenerate(12)
    await click(button(ui.container, 'Generate'))
    expect(question()).not.toBeNull()
    await ui.receive({ type: 'selection', selectionId: 2, state: 'empty', references: [], usableCount: 0, own: false })
    expect(question()).toBeNull()
    await ui.select(undefined, 3)
    expect(question()).toBeNull()
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })

  it('runs at once at or below the threshold, and the threshold is the designer’s', async () => {
    await readyToGenerate(8)
    await click(button(ui.container, 'Generate'))
    expect(question()).toBeNull()
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
  })

  it('is set in Settings within 1–20', async () => {
    ui = renderApp()
    await ui.init()
    await click(button(ui.container, 'Settings'))
    const threshold = field(ui.container, 'Ask before runs of more than')
    expect(threshold.value).toBe('8')
    await commit(threshold, '12')
    expect(ui.ofType('save-settings').at(-1)!.settings).toMatchObject({ confirmAbove: 12 })
    await commit(threshold, '99')
    expect(ui.ofType('save-settings').at(-1)!.settings).toMatchObject({ confirmAbove: 20 })
    expect(threshold.value).toBe('20')
  })
})

describe('checking the key when it is saved', () => {
  function withChecker(outcome: KeyCheckOutcome) {
    const asked: KeyCheckRequest[] = []
    let answer: (value: KeyCheckOutcome) => void = () => {}
    ui = renderApp({
      checkKey: (request) => {
        asked.push(request)
        return new Promise((resolve) => (answer = resolve))
      },
    })
    return { asked, answer: () => answer(outcome) }
  }

  async function saveKey(key: string, checker: ReturnType<typeof withChecker>) {
    await ui.init({ apiKey: null })
    await type(field(ui.container, 'API key'), key)
    await click(button(ui.container, 'Save key'))
    expect(ui.container.textContent).toContain('Checking the key with Runware…')
    expect(button(ui.container, 'Save key').disabled).toBe(true)
    expect(ui.ofType('save-key')).toHaveLength(0)
    checker.answer()
    await ui.settle()
  }

  it('says connected and saves a key Runware accepts', async () => {
    const checker = withChecker({ kind: 'connected' })
    await saveKey('rw-good-key-123456', checker)
    expect(checker.asked).toEqual([{ apiKey: 'rw-good-key-123456', wsUrl: 'wss://ws-api.runware.ai/v1' }])
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-good-key-123456' }])
    expect(ui.container.querySelector('#api-key')).toBeNull()
    expect(ui.container.textContent).toContain('Connected to Runware')
    // the word belonged to saving the key: the next run takes its place
    await ui.select()
    await type(field(ui.container, 'Prompt'), 'Salt flats at noon')
    await click(button(ui.container, 'Generate'))
    expect(ui.container.textContent).not.toContain('Connected to Runware')
  })

  it('does not save a key Runware refused: it stays in the field with Runware’s words, until edited', async () => {
    const checker = withChecker({ kind: 'refused', message: 'Invalid API key. Get one at https://my.runware.ai/signup' })
    await saveKey('rw-wrong-key-123456', checker)
    expect(ui.ofType('save-key')).toHaveLength(0)
    expect(ui.app.state.apiKey.value).toBeNull()
    const key = field(ui.container, 'API key')
    expect(key.value).toBe('rw-wrong-key-123456')
    expect(key.getAttribute('aria-invalid')).toBe('true')
    expect(ui.container.querySelector('[role="alert"]')!.textContent).toBe(
      'Runware refused this key: Invalid API key. Get one at https://my.runware.ai/signup. It was not saved.',
    )
    await type(key, 'rw-wrong-key-12345')
    expect(ui.container.querySelector('[role="alert"]')).toBeNull()
    expect(key.getAttribute('aria-invalid')).toBeNull()
  })

  it('saves a key it could not check, and says it will be checked when generating', async () => {
    const checker = withChecker({ kind: 'unreachable', detail: 'the connection closed before Runware answered (code 1006)' })
    await saveKey('rw-maybe-key-123456', checker)
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-maybe-key-123456' }])
    expect(ui.container.textContent).toContain(
      'Runware could not be reached: the connection closed before Runware answered (code 1006). The key was saved; it will be checked again when you generate.',
    )
  })

  it('treats a check that failed outright like one that could not reach Runware', async () => {
    ui = renderApp({ checkKey: () => Promise.reject(new Error('socket exploded')) })
    await ui.init({ apiKey: null })
    await type(field(ui.container, 'API key'), 'rw-maybe-key-123456')
    await click(button(ui.container, 'Save key'))
    await ui.settle()
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-maybe-key-123456' }])
    expect(ui.container.textContent).toContain('Runware could not be reached: Error: socket exploded.')
  })

  it('refuses what cannot be a key without asking Runware', async () => {
    const checker = withChecker({ kind: 'connected' })
    await ui.init({ apiKey: null })
    await type(field(ui.container, 'API key'), 'two words')
    await click(button(ui.container, 'Save key'))
    expect(ui.container.querySelector('[role="alert"]')!.textContent).toBe('That does not look like a Runware API key')
    expect(checker.asked).toHaveLength(0)
  })
})
