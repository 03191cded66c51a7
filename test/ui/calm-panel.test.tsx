// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { CONSENT_TEXT } from '../../ui/components/onboarding-card'
import { entry } from '../history/fixtures'
import { button, click, field, keyDown, queryButton, renderApp, statusLine, type, type Rendered } from './render-app'

// The panel's manners: one onboarding card, Escape out of Settings and History, nothing
// irreversible at one click, and messages that leave with what they were about.

let ui: Rendered
afterEach(() => ui.cleanup())

const heading = () => ui.container.querySelector('h1')!.textContent

describe('one onboarding card', () => {
  it('puts the notice and the key together, with one primary action, and saving the key acknowledges the notice', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null, settings: { consentGiven: false } })
    const cards = ui.container.querySelectorAll('.card')
    expect(cards).toHaveLength(1)
    expect(cards[0]!.textContent).toContain(CONSENT_TEXT)
    expect(cards[0]!.querySelector('#api-key')).not.toBeNull()
    expect([...cards[0]!.querySelectorAll('.button-primary')].map((b) => b.textContent)).toEqual(['Save key'])
    expect(queryButton(ui.container, 'I understand')).toBeNull()

    await type(field(ui.container, 'API key'), 'rw-new-key-123456')
    await click(button(ui.container, 'Save key'))
    await ui.settle()
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-new-key-123456' }])
    expect(ui.ofType('save-settings').at(-1)!.settings).toMatchObject({ consentGiven: true })
    expect(ui.container.querySelectorAll('.card')).toHaveLength(0)
  })

  it('does not take the notice as read when the key was refused', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null, settings: { consentGiven: false } })
    await click(button(ui.container, 'Save key'))
    expect(ui.container.querySelector('[role="alert"]')?.textContent).toBe('Paste your Runware API key first')
    expect(ui.ofType('save-settings').some((m) => m.settings.consentGiven === true)).toBe(false)
    expect(ui.container.textContent).toContain(CONSENT_TEXT)
  })

  it('says where frames and prompt go even when only the key is missing', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null, settings: { consentGiven: true } })
    expect(ui.container.querySelectorAll('.card')).toHaveLength(1)
    expect(ui.container.textContent).toContain(CONSENT_TEXT)
  })
})

describe('Escape', () => {
  it('closes Settings with focus on the page itself', async () => {
    ui = renderApp()
    await ui.init()
    await click(button(ui.container, 'Settings'))
    expect(heading()).toBe('Settings')
    ;(document.activeElement as HTMLElement | null)?.blur()
    await keyDown(document.body, { key: 'Escape' })
    expect(heading()).toBe('Gen-4 Moodboard')
  })

  it('closes History', async () => {
    ui = renderApp()
    await ui.init()
    await click(button(ui.container, 'History'))
    expect(heading()).toBe('History')
    await keyDown(field(ui.container, 'Search prompts'), { key: 'Escape' })
    expect(heading()).toBe('Gen-4 Moodboard')
  })

  it('answers an open question first: Settings stays, the key stays', async () => {
    ui = renderApp()
    await ui.init()
    await click(button(ui.container, 'Settings'))
    await click(button(ui.container, 'Forget key'))
    expect(document.activeElement?.textContent).toBe('Forget key')
    await keyDown(document.activeElement as HTMLElement, { key: 'Escape' })
    expect(heading()).toBe('Settings')
    expect(button(ui.container, 'Replace key')).toBeTruthy()
    expect(ui.ofType('forget-key')).toEqual([])
  })
})

describe('nothing irreversible at one click', () => {
  it('Forget key asks first, and Keep keeps it', async () => {
    ui = renderApp()
    await ui.init()
    await click(button(ui.container, 'Settings'))
    await click(button(ui.container, 'Forget key'))
    expect(ui.container.textContent).toContain('Forget this key?')
    await click(button(ui.container, 'Keep'))
    expect(ui.ofType('forget-key')).toEqual([])
    expect(ui.container.textContent).toContain('••••')
    await click(button(ui.container, 'Forget key'))
    await click(button(ui.container, 'Forget key'))
    expect(ui.ofType('forget-key')).toEqual([{ type: 'forget-key' }])
  })

  it('History → Remove asks first, and Keep keeps the run', async () => {
    ui = renderApp()
    await ui.init()
    await ui.receive({ type: 'history', entries: [entry('r1', { prompt: 'Dunes at dusk' })], spend: { total: 0, images: 0, lastPricePerImage: 0.02 } })
    await click(button(ui.container, 'History'))
    await click(button(ui.container, 'Remove from History: Dunes at dusk'))
    await click(button(ui.container, 'Keep'))
    expect(ui.ofType('history-remove')).toEqual([])
    await click(button(ui.container, 'Remove from History: Dunes at dusk'))
    await click(button(ui.container, 'Remove'))
    expect(ui.ofType('history-remove')).toEqual([{ type: 'history-remove', id: 'r1' }])
  })
})

describe('messages leave with their context', () => {
  it('what was said of a key typed on the main card is not said under Settings’ field', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null })
    await type(field(ui.container, 'API key'), 'not a key')
    await click(button(ui.container, 'Save key'))
    expect(ui.container.textContent).toContain('That does not look like a Runware API key')
    await click(button(ui.container, 'Settings'))
    expect(ui.container.textContent).not.toContain('That does not look like a Runware API key')
  })

  it('a finished run’s "Done" leaves when History loads another run', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Wet asphalt, neon', numberResults: 2 } })
    await ui.receive({ type: 'history', entries: [entry('r1', { prompt: 'Dunes at dusk' })], spend: { total: 0, images: 0, lastPricePerImage: 0.02 } })
    await ui.select()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.started).toBe(true))
    ui.runware.emit()
    ui.runware.emit()
    ui.runware.finish()
    await vi.waitFor(() => expect(statusLine(ui.container)).toBe('Done: 2 images placed'))
    expect(ui.container.querySelectorAll('.slot')).toHaveLength(2)
    await click(button(ui.container, 'History'))
    await click(button(ui.container, 'Reuse'))
    expect(heading()).toBe('Gen-4 Moodboard')
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Dunes at dusk')
    expect(statusLine(ui.container)).toBe('')
    expect(ui.container.querySelectorAll('.slot')).toHaveLength(0)
  })
})
