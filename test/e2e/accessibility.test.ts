// Every view of the panel against axe-core's WCAG 2.1 AA rules, in Figma's light and dark
// themes: the main view without a key, with one, with references, during and after a run,
// Settings with both parts open, and History; and Escape closes Settings and History.
import { describe, expect, it } from 'vitest'

import { axeViolations } from './support/axe'
import { useE2eFixtures } from './support/fixtures'
import { POLL } from './support/host-page'
import { fillForm, openPlugin, selectReferences, waitForResults } from './support/plugin-ui'

// slow enough to look at the run while it is going
const fixtures = useE2eFixtures({ latencyMs: 1500 })

describe.each(['light', 'dark'] as const)('accessibility, %s theme', (theme) => {
  it('the first-run card passes', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { key: false, consent: false, theme })
    try {
      await expect.poll(() => host.ui.getByLabel('API key').count(), POLL).toBe(1)
      expect(await axeViolations(host)).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('the main view with a key, with references, during and after a run, Settings and History pass', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { theme })
    try {
      const { ui } = host
      await expect.poll(() => ui.getByRole('button', { name: 'Generate' }).count(), POLL).toBe(1)
      await expect.poll(() => ui.getByText('Select 1 to 3 frames', { exact: false }).count(), POLL).toBeGreaterThan(0)
      expect(await axeViolations(host), 'main view with a key').toEqual([])

      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: 'Sun-bleached desert resort', count: 2 })
      expect(await axeViolations(host), 'with references').toEqual([])

      await ui.getByRole('button', { name: 'Generate' }).click()
      await expect.poll(() => ui.getByRole('button', { name: 'Cancel' }).count(), POLL).toBe(1)
      expect(await axeViolations(host), 'during a run').toEqual([])

      await waitForResults(host, 2)
      await expect.poll(() => ui.getByRole('button', { name: 'Generate' }).count(), POLL).toBe(1)
      expect(await axeViolations(host), 'after a run').toEqual([])

      await ui.getByRole('button', { name: 'Settings' }).click()
      await ui.getByText('Connection & delivery').click()
      await expect.poll(() => ui.getByLabel('REST URL').isVisible(), POLL).toBe(true)
      expect(await axeViolations(host), 'Settings, both parts open').toEqual([])
      // Escape closes Settings, as it closes History below
      await ui.getByLabel('REST URL').press('Escape')
      await expect.poll(() => ui.getByLabel('REST URL').count(), POLL).toBe(0)
      await expect.poll(() => ui.getByRole('button', { name: 'Generate' }).count(), POLL).toBe(1)

      await ui.getByRole('button', { name: 'History' }).click()
      await expect.poll(() => ui.getByRole('list', { name: 'Past runs' }).count(), POLL).toBe(1)
      expect(await axeViolations(host), 'History').toEqual([])
      await ui.locator('body').press('Escape')
      await expect.poll(() => ui.getByRole('list', { name: 'Past runs' }).count(), POLL).toBe(0)
    } finally {
      await host.close()
    }
  })
})
