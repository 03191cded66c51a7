// Journey 5: Cancel while results are still coming. What already arrived stays (it is
// finished and paid for), nothing more lands, and no "Generating…" placeholder is left.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL } from './support/host-page'
import { dump, fillForm, openPlugin, RECORD_KEY, results, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

// Results arrive one every STAGGER_MS, so there is time to cancel between two of them.
const STAGGER_MS = 2500

const fixtures = useE2eFixtures({ latencyMs: 100, staggerMs: STAGGER_MS })

describe('cancelling a run', () => {
  it('keeps what arrived, places nothing more and leaves no placeholder', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Moss & fern'])
      await fillForm(host, { prompt: 'Slow sunrise over moss', size: { width: 1280, height: 720 }, count: 4 })
      const before = (await dump(host)).length
      await host.ui.getByRole('button', { name: 'Generate' }).click()

      const [first] = await waitForResults(host, 1, 15_000)
      await screenshot(host.page, 'cancel-1-first-result-and-placeholders')
      await host.ui.getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => host.ui.getByRole('status').textContent(), POLL).toMatch(/^Cancelled: \d of 4 placed/)
      await expect.poll(() => host.ui.getByRole('button', { name: 'Generate' }).count(), POLL).toBe(1)
      // Normally just the first; a loaded machine may have let one more in before the click.
      const kept = await results(host)
      expect(kept.length).toBeGreaterThanOrEqual(1)
      expect(kept.length).toBeLessThan(4)
      expect(await host.ui.getByRole('status').textContent()).toMatch(new RegExp(`^Cancelled: ${kept.length} of 4 placed`))

      // Past the moment the next result would have landed: nothing more.
      await host.page.waitForTimeout(STAGGER_MS + 500)
      const placed = await results(host)
      expect(placed.map((n) => n.id)).toEqual(kept.map((n) => n.id))
      expect(placed.every((n) => n.fills.some((f) => f.type === 'IMAGE'))).toBe(true)
      // No placeholder left: the run's container holds what it kept and nothing else.
      const nodes = await dump(host)
      expect(nodes.filter((n) => /^Generating /.test(n.characters ?? ''))).toEqual([])
      const inRun = nodes.filter((n) => n.parentId === first!.parentId)
      expect(inRun.map((n) => n.id)).toEqual(kept.map((n) => n.id))
      expect(nodes.length).toBe(before + 1 + kept.length) // the run's section and what it kept
      expect(inRun.every((n) => n.pluginData[RECORD_KEY])).toBe(true)
      // The UI told the sandbox the run was over, and sent no result after that.
      const sent = await host.page.evaluate(() => window.figmaHost.sentToPlugin())
      expect(sent.filter((t) => t === 'place-result')).toHaveLength(kept.length)
      expect(sent.lastIndexOf('place-result')).toBeLessThan(sent.lastIndexOf('run-end'))
      await screenshot(host.page, 'cancel-2-after-cancel')
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  }, 60_000)
})
