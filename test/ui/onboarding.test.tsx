// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'

import { CONSENT_TEXT } from '../../ui/components/onboarding-card'
import { button, click, field, generateReason, renderApp, type, type Rendered } from './render-app'

let ui: Rendered
afterEach(() => ui.cleanup())

describe('first run', () => {
  it('asks for the key only once the sandbox has said there is none', async () => {
    ui = renderApp()
    expect(ui.container.querySelector('#api-key')).toBeNull()
    expect(ui.container.textContent).not.toContain(CONSENT_TEXT)
    ui.app.start()
    expect(ui.sent).toEqual([{ type: 'ui-ready' }])
    await ui.init({ apiKey: null, settings: { consentGiven: false } })
    expect(field(ui.container, 'API key').type).toBe('password')
    expect(ui.container.textContent).toContain(CONSENT_TEXT)
  })

  it('asks for the key in a masked field that can be revealed, and says where to get one', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null })
    const key = field(ui.container, 'API key')
    expect(key.type).toBe('password')
    const toggle = button(ui.container, 'Show')
    expect(toggle.getAttribute('aria-pressed')).toBe('false')
    await click(toggle)
    expect(key.type).toBe('text')
    expect(button(ui.container, 'Hide').getAttribute('aria-pressed')).toBe('true')
    const link = ui.container.querySelector<HTMLAnchorElement>('a[href="https://my.runware.ai"]')
    expect(link?.textContent).toBe('my.runware.ai')
    expect(generateReason(ui.container)).toBe('Add your Runware API key first')
  })

  it('saves the key through the sandbox and moves on', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null })
    await type(field(ui.container, 'API key'), '  rw-new-key-123456  ')
    await click(button(ui.container, 'Save key'))
    // saved once Runware has accepted it
    await ui.settle()
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-new-key-123456' }])
    expect(ui.container.querySelector('#api-key')).toBeNull()
    expect(ui.app.state.apiKey.value).toBe('rw-new-key-123456')
  })

  it('refuses an empty key with a reason and sends nothing', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null })
    await click(button(ui.container, 'Save key'))
    expect(ui.container.querySelector('[role="alert"]')?.textContent).toBe('Paste your Runware API key first')
    expect(ui.ofType('save-key')).toEqual([])
  })

  it('says plainly where frames and prompt go, and blocks Generate until acknowledged', async () => {
    ui = renderApp()
    await ui.init({ settings: { consentGiven: false, lastPrompt: 'Stone and linen' } })
    await ui.select()
    expect(ui.container.textContent).toContain(
      'Your selected frames and your prompt are sent to Runware, a third-party service, using your API key.',
    )
    expect(button(ui.container, 'Generate').disabled).toBe(true)
    expect(generateReason(ui.container)).toBe('Confirm the note about Runware first')

    await click(button(ui.container, 'I understand'))
    const saved = ui.ofType('save-settings').at(-1)!
    expect(saved.settings.consentGiven).toBe(true)
    expect(ui.container.textContent).not.toContain(CONSENT_TEXT)
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })

  it('does not ask again once acknowledged', async () => {
    ui = renderApp()
    await ui.init({ settings: { consentGiven: true } })
    expect(ui.container.textContent).not.toContain(CONSENT_TEXT)
  })
})

describe('accessible names', () => {
  it('names every main control', async () => {
    ui = renderApp()
    await ui.init({ apiKey: null })
    for (const name of ['API key', 'Prompt', 'Size', 'Number of results']) {
      expect(field(ui.container, name)).toBeTruthy()
    }
    for (const name of ['Generate', 'Settings', 'Show', 'Save key', 'Match reference', 'Fewer results', 'More results']) {
      expect(button(ui.container, name)).toBeTruthy()
    }
    // every input, select and textarea has a label or an aria-label
    for (const control of ui.container.querySelectorAll('input, select, textarea')) {
      const labelled = control.id !== '' && ui.container.querySelector(`label[for="${control.id}"]`) !== null
      expect(labelled || control.hasAttribute('aria-label') || control.closest('label') !== null).toBe(true)
    }
  })
})
