// Issue 5 beyond the window and the form: the failure state of a run, the two relaunch
// buttons ("Variations", "Reuse settings"), Quick Actions "Generate from selection" with
// the window hidden, and a run in FigJam.
import { describe, expect, it } from 'vitest'

import { GENERATING, sections } from './support/canvas-watch'
import { useE2eFixtures } from './support/fixtures'
import { openHost, POLL, type HostPage } from './support/host-page'
import { dump, fillForm, openPlugin, RECORD_KEY, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures({ latencyMs: 100, staggerMs: 50 })

const prompt = (host: HostPage) => host.ui.getByRole('textbox', { name: 'Prompt' })
const count = (host: HostPage) => host.ui.getByRole('spinbutton', { name: 'Number of results' })
const size = (host: HostPage) => host.ui.getByRole('combobox', { name: 'Size' })

async function generate(host: HostPage, form: { prompt: string; count: number; size: { width: number; height: number } }): Promise<void> {
  await fillForm(host, form)
  await host.ui.getByRole('button', { name: 'Generate' }).click()
}

describe('a failed run', () => {
  it('leaves no placeholder that looks busy, and says why in the UI', { timeout: 30_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes'])
      fixtures.servers.emulator.injectFault({ kind: 'moderation' })
      await generate(host, { prompt: 'A dune sea under a red moon', count: 3, size: { width: 1024, height: 1024 } })
      await expect.poll(() => host.ui.getByRole('alert').textContent(), { timeout: 15_000 }).toBeTruthy()
      await expect.poll(() => host.ui.locator('.status-line').textContent(), POLL).toMatch(/^Stopped: 0 of 3 placed/)
      const nodes = await dump(host)
      expect(nodes.some((node) => GENERATING.test(node.name))).toBe(false)
      expect(sections(nodes)).toEqual([])
      await screenshot(host.page, 'moodboard-failed-run')
    } finally {
      fixtures.servers.emulator.clearFaults()
      await host.close()
    }
  })
})

describe('relaunch buttons', () => {
  it('“Variations” makes the image the reference with its prompt and size; “Reuse settings” restores the count', { timeout: 40_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Tidal blue'])
      await generate(host, { prompt: 'Tide lines, aerial, morning', count: 2, size: { width: 1280, height: 720 } })
      const placed = await waitForResults(host, 2)
      expect(placed.every((node) => Object.keys(node.relaunchData).sort().join() === 'reuse-settings,variations')).toBe(true)
      // The form moves on to something else before the relaunch.
      await fillForm(host, { prompt: 'something else', count: 5, size: { width: 1024, height: 1024 } })
      await expect.poll(() => host.page.evaluate(() => window.figmaHost.sentToPlugin().filter((t) => t === 'save-settings').length), POLL).toBeGreaterThan(0)

      const image = placed[0]!
      await host.page.evaluate((id) => window.figmaHost.select([id]), image.id)
      await host.page.evaluate(() => window.figmaHost.relaunch('variations'))
      await expect.poll(() => prompt(host).inputValue(), POLL).toBe('Tide lines, aerial, morning')
      expect(await size(host).inputValue()).toBe('1280x720')
      expect(await count(host).inputValue()).toBe('5')
      await expect.poll(() => host.ui.locator('.reference-name').allTextContents(), POLL).toEqual([image.name])
      await expect.poll(() => host.ui.getByRole('button', { name: 'Generate' }).isEnabled(), POLL).toBe(true)
      await screenshot(host.page, 'moodboard-variations')

      await host.page.evaluate((id) => window.figmaHost.select([id]), image.id)
      await host.page.evaluate(() => window.figmaHost.relaunch('reuse-settings'))
      await expect.poll(() => count(host).inputValue(), POLL).toBe('2')
      expect(await prompt(host).inputValue()).toBe('Tide lines, aerial, morning')
      expect(await size(host).inputValue()).toBe('1280x720')
      // The selected image's record card offers its prompt too.
      await expect.poll(() => host.ui.getByRole('button', { name: 'Use this prompt' }).count(), POLL).toBe(1)
    } finally {
      await host.close()
    }
  })
})

describe('Quick Actions: Generate from selection', () => {
  it('runs hidden with the last settings and the typed prompt, places the results and closes with a notification', { timeout: 40_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { settings: { numberResults: 2, size: { width: 720, height: 1280 } } })
    try {
      await host.page.evaluate(() => window.figmaHost.select(['Moss & fern']))
      await host.page.evaluate(() => window.figmaHost.relaunch('generate', { prompt: 'Fern spirals, studio light' }))
      // The window never shows; the network lives in the hidden iframe.
      expect(await host.page.evaluate(() => window.figmaHost.ui())).toMatchObject({ shown: true, visible: false })
      await expect.poll(() => host.page.evaluate(() => window.figmaHost.closeMessage()), { timeout: 20_000 }).toBe('Placed 2 images for “Fern spirals, studio light”')
      const results = (await dump(host)).filter((node) => node.pluginData[RECORD_KEY])
      expect(results).toHaveLength(2)
      expect(results.every((node) => node.width === 720 && node.height === 1280)).toBe(true)
      expect(await host.page.evaluate(() => window.figmaHost.pluginRunning())).toBe(false)
      await screenshot(host.page, 'moodboard-quick-action')

      // With nothing selected it says why nothing was placed.
      await host.page.evaluate(() => window.figmaHost.select([]))
      await host.page.evaluate(() => window.figmaHost.relaunch('generate', { prompt: 'Anything' }))
      await expect.poll(() => host.page.evaluate(() => window.figmaHost.closeMessage()), { timeout: 15_000 }).toBe(
        'Nothing generated: Select 1 to 3 frames to use as references',
      )

      // The prompt is offered again from History the next time.
      await host.page.evaluate(() => window.figmaHost.relaunch('open'))
      await host.ui.getByRole('button', { name: 'History' }).click()
      await expect.poll(() => host.ui.getByRole('list', { name: 'Past runs' }).textContent(), POLL).toContain('Fern spirals, studio light')
    } finally {
      await host.close()
    }
  })
})

describe('FigJam', () => {
  it('generates into a numbered section titled with the prompt on a FigJam board', { timeout: 30_000 }, async () => {
    const { servers } = fixtures
    const host = await openHost(
      fixtures.browser,
      servers.url({ runware: servers.emulator.url, key: servers.emulator.apiKey, consent: '1', editor: 'figjam' }),
    )
    try {
      // A board holds stickies, shapes and images more than frames: the UI says items.
      await expect.poll(() => host.ui.getByText('Select 1 to 3 items to use as references').count(), POLL).toBe(1)
      await selectReferences(host, ['Sunset dunes'])
      await generate(host, { prompt: 'Sticky-note palette, warm', count: 2, size: { width: 1024, height: 1024 } })
      const placed = await waitForResults(host, 2)
      const runs = sections(await dump(host))
      expect(runs.map((section) => section.name)).toEqual(['Run 1 · Sticky-note palette, warm'])
      expect(placed.every((node) => node.parentId === runs[0]!.id && node.width === 1024)).toBe(true)
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
      await host.page.evaluate(() => window.figmaHost.fitAll())
      await screenshot(host.page, 'moodboard-figjam')
    } finally {
      await host.close()
    }
  })
})
