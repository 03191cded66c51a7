// A board worth keeping, in the browser: a run comes into view at its start beside the plugin
// window, without touching the selection; runs with the same prompt are told apart; every image
// carries its annotation (none when switched off); a cancelled run's section fits what it kept;
// a recovery after a close lands in the run's own section.
import { describe, expect, it } from 'vitest'

import { GENERATING, sections } from './support/canvas-watch'
import { useE2eFixtures } from './support/fixtures'
import { POLL, type HostPage } from './support/host-page'
import { dump, fillForm, openPlugin, results, selectReferences, waitForResults, type Rect } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

// Slow enough that the placeholders can be looked at before the first image lands.
const STAGGER_MS = 2500
const fixtures = useE2eFixtures({ latencyMs: 300, staggerMs: STAGGER_MS })
const PADDING = 80

const within = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5
const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x + 0.5 || b.x + b.width <= a.x + 0.5 || a.y + a.height <= b.y + 0.5 || b.y + b.height <= a.y + 0.5

async function generate(host: HostPage, prompt: string, count: number): Promise<void> {
  await fillForm(host, { prompt, count, size: { width: 1024, height: 1024 } })
  await host.ui.getByRole('button', { name: 'Generate' }).click()
}

const statusLine = (host: HostPage) => host.ui.locator('.status-line')
const waitDone = (host: HostPage) => expect.poll(() => statusLine(host).textContent(), { timeout: 30_000 }).toMatch(/^Done/)

describe('a board worth keeping', () => {
  it('shows the placeholders arriving clear of the plugin window, selection untouched; same prompt, different titles; every image annotated', { timeout: 90_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      const selected = await selectReferences(host, ['Sunset dunes'])
      await generate(host, 'Sun-bleached desert resort, dusk', 4)
      // Placeholders first: looked at while they still say "Generating".
      await expect.poll(async () => (await dump(host)).filter((n) => GENERATING.test(n.name)).length, POLL).toBe(4)
      await expect.poll(async () => {
        const view = await host.page.evaluate(() => window.figmaHost.view())
        // the run's four slots, filled or not: the first image may land at once
        const nodes = await dump(host)
        const run = sections(nodes)[0]
        const slots = nodes.filter((n) => n.type === 'RECTANGLE' && n.parentId === run?.id)
        return slots.length === 4 && nodes.some((n) => GENERATING.test(n.name)) && view.window !== null && slots.every((s) => within(view.bounds, s.absolute) && apart(s.absolute, view.window!))
      }, POLL).toBe(true)
      expect(await host.page.evaluate(() => window.figmaHost.selection())).toEqual(selected)
      await screenshot(host.page, 'board-1-placeholders-in-view')
      await waitDone(host)

      await selectReferences(host, ['Sunset dunes'])
      await generate(host, 'Sun-bleached desert resort, dusk', 2)
      await waitDone(host)
      const titles = sections(await dump(host)).map((s) => s.name)
      expect(titles).toEqual(['Run 1 · Sun-bleached desert resort, dusk', 'Run 2 · Sun-bleached desert resort, dusk'])
      const placed = await results(host)
      expect(placed).toHaveLength(6)
      expect(placed.map((n) => n.name.split(' · ')[0]).sort()).toEqual(['1', '1', '2', '2', '3', '4'])
      for (const node of placed) {
        expect(node.annotations).toHaveLength(1)
        expect(node.annotations![0]!.labelMarkdown).toContain('**Prompt** Sun-bleached desert resort, dusk')
        expect(node.annotations![0]!.labelMarkdown).toContain('**References** Sunset dunes')
        expect(node.annotations![0]!.categoryId).toBeTruthy()
      }
      await screenshot(host.page, 'board-2-two-runs')
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('writes no annotation when annotations are switched off', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { settings: { annotations: false, consentGiven: true } })
    try {
      await selectReferences(host, ['Tidal blue'])
      await generate(host, 'Cold tidal light', 1)
      const [node] = await waitForResults(host, 1)
      expect(node!.annotations).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('after Cancel with 1 of 4 placed, the section is no wider than one image and its padding', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Moss & fern'])
      await generate(host, 'Moss under glass', 4)
      await waitForResults(host, 1, 20_000)
      await host.ui.getByRole('button', { name: 'Cancel' }).click()
      await expect.poll(() => host.ui.getByRole('status').textContent(), POLL).toMatch(/^Cancelled: \d of 4 placed/)
      const kept = await results(host)
      const [section] = sections(await dump(host))
      expect(section!.absolute.width).toBeLessThanOrEqual(kept.length * 1024 + (kept.length - 1) * 40 + 2 * PADDING)
      if (kept.length === 1) expect(section!.absolute.width).toBe(1024 + 2 * PADDING)
      await screenshot(host.page, 'board-3-cancelled-section-fits')
    } finally {
      await host.close()
    }
  })

  it('a recovery after a close lands in the run’s own section, numbered as before', { timeout: 90_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes'])
      await generate(host, 'Interrupted harbour', 3)
      await waitForResults(host, 1, 20_000)
      await host.page.evaluate(() => window.figmaHost.closePlugin())
      const before = sections(await dump(host))
      expect(before).toHaveLength(1)
      await host.page.evaluate(() => window.figmaHost.reloadPlugin())
      const placed = await waitForResults(host, 3, 40_000)
      const after = sections(await dump(host))
      expect(after.map((s) => s.id)).toEqual([before[0]!.id])
      expect(placed.every((n) => n.parentId === before[0]!.id)).toBe(true)
      expect(placed.map((n) => n.name.split(' · ')[0]).sort()).toEqual(['1', '2', '3'])
      await screenshot(host.page, 'board-4-recovered-in-place')
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  })
})
