// Spending is never a surprise: a run above the confirmation threshold asks in the generate
// bar, and nothing reaches Runware until it is confirmed; a key is checked when it is saved.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL } from './support/host-page'
import { fillForm, openPlugin, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures({ latencyMs: 20, staggerMs: 5 })

const inferenceTasks = () => fixtures.servers.emulator.tasks.map((t) => t.task as Record<string, unknown>).filter((task) => task.taskType === 'imageInference')

describe.each(['light', 'dark'] as const)('spending, %s theme', (theme) => {
  it('asks before a 12-image run, and only a confirmed run reaches Runware', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { theme })
    try {
      const { ui } = host
      await selectReferences(host, ['Sunset dunes'])
      await fillForm(host, { prompt: 'Salt flats at noon, long shadows', size: { width: 720, height: 720 }, count: 12 })
      await expect.poll(() => ui.locator('#cost-estimate').textContent(), POLL).toBe('12 images · about $0.24')
      await screenshot(host.page, `spend-1-estimate-${theme}`)
      const before = inferenceTasks().length

      await ui.getByRole('button', { name: 'Generate' }).click()
      const question = ui.getByRole('group', { name: '12 images · about $0.24 — Generate 12?' })
      await question.waitFor({ timeout: 10_000 })
      await screenshot(host.page, `spend-2-confirm-${theme}`)
      // Escape withdraws the question and sends nothing
      await ui.getByRole('button', { name: 'Confirm' }).press('Escape')
      await expect.poll(() => question.count(), POLL).toBe(0)
      await ui.getByRole('button', { name: 'Generate' }).click()
      await question.waitFor({ timeout: 10_000 })
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(inferenceTasks().length).toBe(before)

      await ui.getByRole('button', { name: 'Confirm' }).click()
      await waitForResults(host, 12, 60_000)
      expect(inferenceTasks().slice(before)).toEqual([expect.objectContaining({ numberResults: 12 })])
      await expect.poll(() => ui.locator('#cost-run').textContent(), POLL).toBe('This run: $0.24')
      await screenshot(host.page, `spend-3-run-cost-${theme}`)
    } finally {
      await host.close()
    }
  })

  it('checks a key when it is saved: a wrong one is refused and kept for editing, a right one connects', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { key: false, theme })
    try {
      const { ui } = host
      const key = ui.getByLabel('API key')
      await key.fill('rw-not-a-real-key')
      await ui.getByRole('button', { name: 'Save key' }).click()
      await expect
        .poll(() => ui.getByRole('alert').textContent(), POLL)
        .toBe('Runware refused this key: Invalid API key. Get one at https://my.runware.ai/signup. It was not saved.')
      expect(await key.inputValue()).toBe('rw-not-a-real-key')
      expect(await ui.getByText('Connect your Runware account').count()).toBe(1)
      await screenshot(host.page, `key-1-refused-${theme}`)
      // the message belongs to that attempt: editing the key removes it
      await key.fill(fixtures.servers.emulator.apiKey)
      await expect.poll(() => ui.getByRole('alert').count(), POLL).toBe(0)

      await ui.getByRole('button', { name: 'Save key' }).click()
      await expect.poll(() => ui.getByText('Connected to Runware').count(), POLL).toBe(1)
      expect(await ui.getByText('Connect your Runware account').count()).toBe(0)
      await screenshot(host.page, `key-2-connected-${theme}`)
    } finally {
      await host.close()
    }
  })
})
