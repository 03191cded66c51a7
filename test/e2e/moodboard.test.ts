// Issue 5, "Moodboard exploration", in the browser: placeholders before results and their
// fill in completion order, a failed run leaving nothing that looks busy, three stacked runs
// without overlap (screenshots), History (search, reuse, show), cost, both relaunch
// commands, the Quick Actions command and a FigJam run.
import { describe, expect, it } from 'vitest'

import { GENERATING, sections, watchRun } from './support/canvas-watch'
import { useE2eFixtures } from './support/fixtures'
import { POLL, type HostPage } from './support/host-page'
import { dump, fillForm, openPlugin, overlappingPairs, results, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

// A visible stagger, so placeholders and their one-by-one filling can be watched.
const fixtures = useE2eFixtures({ latencyMs: 300, staggerMs: 250 })

const statusLine = (host: HostPage) => host.ui.locator('.status-line')

async function generate(host: HostPage, form: { prompt: string; count: number; size?: { width: number; height: number } }): Promise<void> {
  await fillForm(host, { size: { width: 1024, height: 1024 }, ...form })
  await host.ui.getByRole('button', { name: 'Generate' }).click()
}

async function waitDone(host: HostPage): Promise<void> {
  await expect.poll(() => statusLine(host).textContent(), { timeout: 20_000 }).toMatch(/^Done/)
}

describe('moodboard exploration', () => {
  it('shows placeholders at once, fills them in completion order, and stacks three runs without overlap', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      const prompts = ['Dunes at dusk, soft film grain', 'Dunes at dawn, pastel haze', 'Tidal pools, macro, cold light']
      for (const [run, prompt] of prompts.entries()) {
        // A run ends with its results selected; the next iteration starts from the same frames.
        await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
        await expect.poll(() => host.ui.locator('.reference-name').allTextContents(), POLL).toEqual(['Sunset dunes', 'Tidal blue'])
        if (run === 0) {
          // The first run's estimate, at the published price before Runware reported any.
          await fillForm(host, { count: 3 })
          await expect.poll(() => host.ui.locator('#cost-estimate').textContent(), POLL).toBe('3 images · about $0.06')
        }
        await generate(host, { prompt, count: 3 })
        const watched = await watchRun(host, run)
        // Every placeholder existed, labelled, before any image arrived, at the exact size.
        expect(watched.before).toHaveLength(3)
        expect(watched.before.every((slot) => !slot.filled && GENERATING.test(slot.name))).toBe(true)
        expect(watched.before.every((slot) => slot.absolute.width === 1024 && slot.absolute.height === 1024)).toBe(true)
        // Filled one by one, in the order the emulator finished them.
        expect(watched.fillOrder).toEqual([0, 1, 2])
        expect(watched.sawPartial).toBe(true)
        await waitDone(host)
        if (run === 0) {
          // After a priced run: what it cost, and the next run's estimate from that price.
          await expect.poll(() => host.ui.locator('#cost-run').textContent(), POLL).toBe('This run: $0.06')
          await expect.poll(() => host.ui.locator('#cost-estimate').textContent(), POLL).toBe('3 images · about $0.06')
        }
        // Nothing is left looking busy.
        expect((await dump(host)).some((node) => GENERATING.test(node.name))).toBe(false)
      }

      const nodes = await dump(host)
      const runs = sections(nodes)
      expect(runs.map((section) => section.name)).toEqual(prompts.map((prompt, index) => `Run ${index + 1} · ${prompt}`))
      // Each later run from the same sources sits below the previous one, none overlapping
      // anything else at the top level of the page.
      expect(runs[1]!.absolute.y).toBeGreaterThan(runs[0]!.absolute.y + runs[0]!.absolute.height)
      expect(runs[2]!.absolute.y).toBeGreaterThan(runs[1]!.absolute.y + runs[1]!.absolute.height)
      const topLevel = nodes.filter((node) => node.parentId === nodes.find((n) => n.type === 'PAGE')?.id)
      expect(overlappingPairs(topLevel.map((node) => node.absolute))).toEqual([])

      await host.page.evaluate(() => window.figmaHost.fitAll())
      await screenshot(host.page, 'moodboard-three-runs')

      // History: three runs with thumbnails and costs, searchable, reusable, findable.
      await host.ui.getByRole('button', { name: 'History' }).click()
      const items = host.ui.getByRole('list', { name: 'Past runs' }).getByRole('listitem')
      await expect.poll(() => items.count(), POLL).toBe(3)
      expect(await items.first().locator('img').count()).toBe(3)
      expect(await items.first().textContent()).toContain('$0.06')
      // The running total lives in History.
      await host.ui.getByText('Spent so far: $0.18 for 9 images').waitFor({ timeout: 10_000 })
      await screenshot(host.page, 'moodboard-history')
      await host.ui.getByRole('searchbox', { name: 'Search prompts' }).fill('dunes')
      await expect.poll(() => items.count(), POLL).toBe(2)
      await host.ui.getByRole('searchbox', { name: 'Search prompts' }).fill('tidal pools')
      await expect.poll(() => items.count(), POLL).toBe(1)

      const lastRunIds = (await results(host)).filter((node) => node.parentId === runs[2]!.id).map((node) => node.id)
      await items.first().getByRole('button', { name: 'Show on canvas' }).click()
      await expect.poll(() => host.page.evaluate(() => window.figmaHost.selection()), POLL).toEqual(expect.arrayContaining(lastRunIds))
      await expect.poll(() => host.ui.locator('.history-notice').textContent(), POLL).toBe('Selected 3 images on the canvas.')

      await items.first().getByRole('button', { name: 'Reuse' }).click()
      await expect.poll(() => host.ui.getByRole('textbox', { name: 'Prompt' }).inputValue(), POLL).toBe(prompts[2])
      expect(await host.ui.getByRole('spinbutton', { name: 'Number of results' }).inputValue()).toBe('3')
      expect(await host.ui.getByRole('combobox', { name: 'Size' }).inputValue()).toBe('1024x1024')
    } finally {
      await host.close()
    }
  })

  it('says when a run’s images are gone from the canvas', { timeout: 30_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Moss & fern'])
      await generate(host, { prompt: 'Moss macro, dew drops', count: 1 })
      await waitForResults(host, 1)
      await waitDone(host)
      // The designer deletes the run's section.
      await host.page.evaluate(() => {
        const run = window.figmaHost.dump().find((node) => node.type === 'SECTION' && node.pluginData.run)
        if (run) window.figmaHost.removeNodes([run.id])
      })
      await host.ui.getByRole('button', { name: 'History' }).click()
      const items = host.ui.getByRole('list', { name: 'Past runs' }).getByRole('listitem')
      await expect.poll(() => items.count(), POLL).toBe(1)
      await items.first().getByRole('button', { name: 'Show on canvas' }).click()
      await expect.poll(() => host.ui.locator('.history-notice').textContent(), POLL).toMatch(/no longer on this page/)
    } finally {
      await host.close()
    }
  })
})
