// Drives the built plugin in the host page as a designer would (select frames, type a prompt,
// pick size and count, click Generate) and reads the probe's timestamps back.
import type { Browser, Frame, Page } from 'playwright-core'

import { DEFAULT_CONFIRM_ABOVE } from '../../ui/state/settings'
import type {} from '../host/page/figma-host-api'
import { installProbe, type ProbeRecord } from './page-probe'

export interface PluginPage {
  page: Page
  uiFrame(): Frame
  probe(frame: 'top' | 'ui'): Promise<ProbeRecord>
  addPhotoFrames(images: Buffer[]): Promise<string[]>
  select(ids: string[]): Promise<void>
  /** Runs one generation and resolves when the UI has told the sandbox the run ended. */
  generate(form: { prompt: string; width: number; height: number; count: number }): Promise<void>
  /** Resolves once History has recorded the last run that ended (its thumbnails are made after). */
  historySettled(): Promise<void>
  reload(): Promise<void>
  close(): Promise<void>
}

export async function openPluginPage(browser: Browser, hostUrl: string, runware: string, apiKey: string): Promise<PluginPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  await context.addInitScript(installProbe)
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  const url = new URL(hostUrl)
  url.searchParams.set('runware', runware)
  url.searchParams.set('key', apiKey)
  url.searchParams.set('consent', '1')
  url.searchParams.set('sample', 'none')
  await page.goto(url.href)
  await page.waitForFunction(() => window.figmaHost?.ready === true)

  const uiFrame = () => {
    const frame = page.frames().find((f) => f !== page.mainFrame() && !f.isDetached())
    if (!frame) throw new Error('the plugin UI frame is not open')
    return frame
  }
  const runEnds = () => page.evaluate(() => window.figmaHost.sentToPlugin().filter((type) => type === 'run-end').length)
  // after a relaunch the old frame may linger a moment: wait for the new one's form
  const waitForUi = async () => {
    const deadline = Date.now() + 30_000
    for (;;) {
      const ready = await Promise.all(page.frames().filter((f) => f !== page.mainFrame() && !f.isDetached()).map((f) => f.$('.app textarea').then(Boolean, () => false)))
      if (ready.length === 1 && ready[0]) return
      if (Date.now() > deadline) throw new Error('the plugin UI did not come up')
      await page.waitForTimeout(20)
    }
  }

  await waitForUi()
  return {
    page,
    uiFrame,
    probe: (which) => (which === 'top' ? page.mainFrame() : uiFrame()).evaluate(() => window.__bench!),
    async addPhotoFrames(images) {
      const ids: string[] = []
      for (const [index, image] of images.entries()) {
        const spec = { name: `Photo ${index + 1}`, x: index * 2000, y: 0, width: 1920, height: 1080, imageBase64: image.toString('base64') }
        ids.push(await page.evaluate((s) => window.figmaHost.addImageFrame(s), spec))
      }
      return ids
    },
    async select(ids) {
      const current = await page.evaluate(() => window.figmaHost.selection())
      const seen = (await uiFrame().evaluate(() => window.__bench!.selections.length))
      await page.evaluate((list) => window.figmaHost.select(list), ids)
      // Ready when the UI holds this selection and every reference's pixels. Not "thumbnails
      // on screen": after a run the results are selected, and the sandbox reports selections
      // after a debounce, so the previous selection's thumbnails could still be showing, and
      // a Generate click could land just as the new selection disables the button (the bench
      // then waited 120 s for a run that never started).
      const unchanged = current.length === ids.length && ids.every((id) => current.includes(id))
      await uiFrame().waitForFunction(
        ({ list, after }) => {
          const selections = window.__bench!.selections
          const last = selections.at(-1)
          if (!last || selections.length <= after) return false
          return last.nodeIds.length === list.length && list.every((id) => last.nodeIds.includes(id) && last.images.includes(id))
        },
        { list: ids, after: unchanged ? 0 : seen },
      )
      await uiFrame().waitForFunction((count) => document.querySelectorAll('img').length >= count, ids.length)
    },
    async generate(form) {
      const ui = uiFrame()
      await ui.fill('textarea', form.prompt)
      await ui.getByRole('combobox', { name: 'Size' }).selectOption(`${form.width}x${form.height}`)
      const count = ui.getByRole('spinbutton', { name: 'Number of results' })
      await count.fill(String(form.count))
      await count.press('Tab')
      const before = await runEnds()
      const button = ui.getByRole('button', { name: 'Generate' })
      await ui.waitForSelector('button.button-primary:not([disabled])', { timeout: 20_000 }).catch(async () => {
        throw new Error(`Generate stayed disabled: ${await ui.locator('#generate-reason').textContent().catch(() => '?')}`)
      })
      await button.click()
      // a run above the default threshold asks first, in place of Generate
      if (form.count > DEFAULT_CONFIRM_ABOVE) await ui.getByRole('button', { name: 'Confirm' }).click()
      // polled on a timer, not every animation frame: the host page is where the sandbox runs,
      // and the end of the run is read from the probe's timestamps, not from this poll
      await page.waitForFunction((n) => window.figmaHost.sentToPlugin().filter((type) => type === 'run-end').length > n, before, { timeout: 120_000, polling: 25 }).catch(async (error: unknown) => {
        // say where the run stood, so a hang in the bench can be told from a slow machine
        const shown = await ui.locator('.app').innerText().catch(() => '?')
        const sent = await page.evaluate(() => window.figmaHost.sentToPlugin().slice(-8).join(', ')).catch(() => '?')
        throw new Error(`the run did not end: the UI shows "${shown.replace(/\s+/g, ' ').slice(0, 400)}"; last UI→sandbox messages: ${sent}`, { cause: error })
      })
      const alerts = await ui.getByRole('alert').allTextContents()
      if (alerts.length > 0) throw new Error(`the run reported: ${alerts.join(' | ')}`)
    },
    async historySettled() {
      await page.waitForFunction(() => {
        // the last run's entry has gone to the sandbox (each run the bench makes places images)
        const sent = window.figmaHost.sentToPlugin()
        return sent.lastIndexOf('history-add') > sent.lastIndexOf('run-end')
      }, undefined, { polling: 50 })
    },
    async reload() {
      await page.evaluate(() => window.figmaHost.reloadPlugin())
      await waitForUi()
    },
    close: () => context.close(),
  }
}
