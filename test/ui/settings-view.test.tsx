// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'

import { SettingsSchema } from '../../ui/state/settings'
import { button, click, commit, field, keyDown, queryButton, renderApp, type, TEST_KEY, type Rendered } from './render-app'

let ui: Rendered
afterEach(() => ui.cleanup())

/** The settings last sent to the sandbox, read as the UI reads them back at the next start. */
const lastSaved = () => SettingsSchema.parse(ui.ofType('save-settings').at(-1)!.settings)

async function openSettings() {
  ui = renderApp()
  await ui.init()
  await click(button(ui.container, 'Settings'))
}

describe('settings', () => {
  it('opens from the Settings button and shows the key masked', async () => {
    await openSettings()
    expect(ui.container.querySelector('h1')!.textContent).toBe('Settings')
    expect(ui.container.textContent).toContain('••••••••cdef')
    expect(ui.container.innerHTML).not.toContain(TEST_KEY)
    expect(document.activeElement?.textContent).toBe('Done')
  })

  it('forgets the key through the sandbox once asked, and asks for a new one', async () => {
    await openSettings()
    await click(button(ui.container, 'Forget key'))
    expect(ui.ofType('forget-key')).toEqual([])
    await click(button(ui.container, 'Forget key'))
    expect(ui.ofType('forget-key')).toEqual([{ type: 'forget-key' }])
    expect(field(ui.container, 'API key').type).toBe('password')
  })

  it('replaces the key', async () => {
    await openSettings()
    await click(button(ui.container, 'Replace key'))
    await type(field(ui.container, 'API key'), 'rw-replacement-9999')
    await click(button(ui.container, 'Save new key'))
    await ui.settle()
    expect(ui.ofType('save-key')).toEqual([{ type: 'save-key', key: 'rw-replacement-9999' }])
    expect(ui.container.textContent).toContain('••••••••9999')
    expect(ui.container.textContent).toContain('Connected to Runware')
  })

  it('saves the connection mode', async () => {
    await openSettings()
    const rest = ui.container.querySelector<HTMLInputElement>('input[name="connection"][value="rest"]')!
    expect(rest.closest('label')!.textContent).toBe('REST')
    await click(rest)
    expect(lastSaved().endpoint.connection).toBe('rest')
  })

  it('saves endpoint URLs only when they are valid, and resets them to Runware defaults', async () => {
    await openSettings()
    const restUrl = field(ui.container, 'REST URL')
    await commit(restUrl, 'ftp://example.com')
    expect(ui.container.textContent).toContain('The REST URL must start with https:// or http://')
    expect(ui.ofType('save-settings')).toHaveLength(0)

    await commit(restUrl, 'http://localhost:8787/v1')
    await commit(field(ui.container, 'WebSocket URL'), 'ws://localhost:8787/v1')
    expect(lastSaved().endpoint).toMatchObject({
      restUrl: 'http://localhost:8787/v1',
      wsUrl: 'ws://localhost:8787/v1',
    })

    await click(button(ui.container, "Reset to Runware's defaults"))
    expect(lastSaved().endpoint).toMatchObject({
      restUrl: 'https://api.runware.ai/v1',
      wsUrl: 'wss://ws-api.runware.ai/v1',
    })
    expect(field(ui.container, 'REST URL').value).toBe('https://api.runware.ai/v1')
  })

  it('saves advanced options when valid', async () => {
    await openSettings()
    await commit(field<HTMLSelectElement>(ui.container, 'Output format'), 'PNG')
    expect(lastSaved().options.outputFormat).toBe('PNG')
    await commit(field(ui.container, 'Output quality (20–99)'), '5')
    expect(ui.container.textContent).toContain('Quality must be at least 20')
    expect(lastSaved().options.outputQuality).toBe(95)
  })

  it('goes back with Done or Escape, focusing the Settings button again', async () => {
    await openSettings()
    await click(button(ui.container, 'Done'))
    expect(queryButton(ui.container, 'Generate')).not.toBeNull()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Settings')
    await click(button(ui.container, 'Settings'))
    await keyDown(field(ui.container, 'REST URL'), { key: 'Escape' })
    expect(queryButton(ui.container, 'Generate')).not.toBeNull()
  })
})
