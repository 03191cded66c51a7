// Journey 1: the first run. A designer without a stored key pastes it under the notice that
// frames and prompt go to Runware (one card, one action), and finds both remembered when the plugin is opened again.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL } from './support/host-page'
import { dump, fillForm, openPlugin, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures()

describe('the first run', () => {
  it('asks for the key and the third-party notice once, and remembers both after a reload', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { key: false, consent: false })
    try {
      const { ui } = host
      const generate = ui.getByRole('button', { name: 'Generate' })
      await expect.poll(() => ui.getByText('Connect your Runware account').count(), POLL).toBe(1)
      expect(await generate.isDisabled()).toBe(true)
      expect(await ui.getByText('Add your Runware API key first').count()).toBe(1)
      await screenshot(host.page, 'first-run-1-asks-for-key')

      await ui.getByLabel('API key').fill(fixtures.servers.emulator.apiKey)
      await ui.getByRole('button', { name: 'Save key' }).click()
      await expect
        .poll(() => ui.getByText('Connect your Runware account').count(), { ...POLL, message: 'Save key did not take the key' })
        .toBe(0)
      // one card, one action: the key was saved under the notice, which counts as read
      expect(await ui.getByRole('button', { name: 'I understand' }).count()).toBe(0)
      expect(await ui.getByText('Confirm the note about Runware first').count()).toBe(0)

      await host.page.evaluate(() => window.figmaHost.reloadPlugin())
      expect(await host.page.evaluate(() => window.figmaHost.runs())).toBe(2)
      // A fresh UI that already knows the key and the acknowledgement.
      await expect.poll(() => ui.getByRole('textbox', { name: 'Prompt' }).count(), POLL).toBe(1)
      expect(await ui.getByText('Connect your Runware account').count()).toBe(0)
      expect(await ui.getByRole('button', { name: 'I understand' }).count()).toBe(0)
      await ui.getByRole('button', { name: 'Settings' }).click()
      const masked = await ui.getByLabel('API key, hidden').textContent()
      expect(masked).toMatch(new RegExp(`${fixtures.servers.emulator.apiKey.slice(-4)}$`))
      expect(masked).not.toContain(fixtures.servers.emulator.apiKey)
      await screenshot(host.page, 'first-run-2-key-remembered')
      await ui.getByRole('button', { name: 'Done' }).click()

      // The remembered key works: one image, generated after the reload.
      await selectReferences(host, ['Neon grid'])
      await fillForm(host, { prompt: 'Neon city rain', size: { width: 1024, height: 1024 }, count: 1 })
      await generate.click()
      const [placed] = await waitForResults(host, 1)
      expect([placed!.width, placed!.height]).toEqual([1024, 1024])
      // The key stays on this computer: nowhere in the document.
      expect(JSON.stringify(await dump(host))).not.toContain(fixtures.servers.emulator.apiKey)
    } finally {
      await host.close()
    }
  }, 60_000)
})
