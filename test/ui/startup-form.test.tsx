// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { button, field, generateReason, keyDown, renderApp, type, type Rendered } from './render-app'

// The form is drawn before the sandbox's `init` arrives, so the prompt can be typed at once;
// nothing that depends on the stored settings or the key may be shown or used before then.

let ui: Rendered
afterEach(() => {
  vi.useRealTimers()
  ui.cleanup()
})

describe('before the sandbox has sent init', () => {
  it('shows an editable prompt and a Generate that says why it waits', () => {
    ui = renderApp()
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    expect(prompt.disabled).toBe(false)
    expect(prompt.readOnly).toBe(false)
    expect(button(ui.container, 'Generate').disabled).toBe(true)
    expect(generateReason(ui.container)).toBe('Loading your settings…')
    expect(ui.container.querySelector('.app')?.getAttribute('aria-busy')).toBe('true')
  })

  it('shows no stored value it does not know yet: size and count blank and disabled, no cost', () => {
    ui = renderApp()
    const size = field<HTMLSelectElement>(ui.container, 'Size')
    expect(size.disabled).toBe(true)
    expect(size.value).toBe('')
    const count = field(ui.container, 'Number of results')
    expect(count.disabled).toBe(true)
    expect(count.value).toBe('')
    expect(button(ui.container, 'Fewer results').disabled).toBe(true)
    expect(button(ui.container, 'More results').disabled).toBe(true)
    expect(button(ui.container, 'Match reference').disabled).toBe(true)
    expect(ui.container.querySelector('[aria-label="Cost"]')).toBeNull()
    // the first selection comes after init: no "select frames" advice that may be wrong
    expect(ui.container.textContent).toContain('Reading the selection…')
    expect(ui.container.textContent).not.toContain('to use as references')
  })

  it('keeps settings and history closed, and shows neither the key card nor the consent note', () => {
    ui = renderApp()
    expect(button(ui.container, 'Settings').disabled).toBe(true)
    expect(button(ui.container, 'History').disabled).toBe(true)
    expect(ui.container.querySelector('#api-key')).toBeNull()
    expect(ui.container.textContent).not.toContain('Runware, a third-party service')
  })

  it('does not start a run from the keyboard', async () => {
    ui = renderApp()
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    await type(prompt, 'Moss and brass')
    await keyDown(prompt, { key: 'Enter', ctrlKey: true })
    await ui.settle()
    expect(ui.ofType('run-start')).toEqual([])
  })
})

describe('when init arrives', () => {
  it('fills the stored prompt, size and count and enables the form', async () => {
    ui = renderApp()
    await ui.init({ settings: { lastPrompt: 'Terrazzo', size: { width: 1920, height: 1080 }, numberResults: 7 } })
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Terrazzo')
    const size = field<HTMLSelectElement>(ui.container, 'Size')
    expect(size.disabled).toBe(false)
    expect(size.value).toBe('1920x1080')
    expect(field(ui.container, 'Number of results').value).toBe('7')
    expect(button(ui.container, 'Settings').disabled).toBe(false)
    expect(button(ui.container, 'History').disabled).toBe(false)
    expect(ui.container.querySelector('.app')?.hasAttribute('aria-busy')).toBe(false)
    await ui.select()
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })

  it('keeps a prompt typed before it, and saves that prompt only with the stored settings', async () => {
    vi.useFakeTimers()
    ui = renderApp()
    await type(field<HTMLTextAreaElement>(ui.container, 'Prompt'), 'Typed early')
    // the debounce runs out before init: nothing may be saved over the unknown settings
    vi.advanceTimersByTime(2000)
    expect(ui.ofType('save-settings')).toEqual([])
    await ui.init({ settings: { lastPrompt: 'Stored prompt', consentGiven: true, numberResults: 9 } })
    expect(field<HTMLTextAreaElement>(ui.container, 'Prompt').value).toBe('Typed early')
    vi.advanceTimersByTime(700)
    const saved = ui.ofType('save-settings')
    expect(saved).toHaveLength(1)
    expect(saved[0]!.settings).toMatchObject({ lastPrompt: 'Typed early', consentGiven: true, numberResults: 9 })
  })
})
