// The built plugin in the host page, in the bench's own Chromium (cdp-browser.ts): the same
// steps as plugin-driver.ts (select the frames, fill the form, click Generate, wait for the
// run to end), taken through the page's own DOM instead of Playwright's input, so no
// DevTools client watches the network while a run is timed.
import type {} from '../host/page/figma-host-api'
import { launchCdpBrowser, type CdpBrowser, type CdpTarget } from './cdp-browser'
import { installProbe, type ProbeRecord } from './page-probe'
import { chromiumCpu, type ChromiumCpu } from './process-cpu'

export interface QuietPlugin {
  page: CdpTarget
  /** The plugin's UI iframe. */
  ui: CdpTarget
  addPhotoFrames(images: Buffer[]): Promise<string[]>
  /** Selects `ids` and resolves once the UI holds that selection and its pixels. */
  select(ids: string[]): Promise<void>
  /** Fills the form, clicks Generate and resolves once the run ended, with the UI's probe. */
  generate(form: { prompt: string; width: number; height: number; count: number }): Promise<{ probe: ProbeRecord; placedBefore: number }>
  /** Resolves once History has recorded the last run that ended (after making its thumbnails). */
  historySettled(): Promise<void>
  /** CPU time so far of this browser's processes, by kind; null without /proc. */
  cpu(): ChromiumCpu | null
  close(): Promise<void>
}

const POLL_MS = 20
/** How many runs the UI has told the sandbox are over. */
const RUN_ENDS = "window.figmaHost.sentToPlugin().filter((type) => type === 'run-end').length"
const WAIT_MS = 60_000

async function until(target: CdpTarget, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS
  while (!(await target.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`quiet plugin: ${what} did not happen in ${WAIT_MS / 1000} s`)
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
}

/** Sets a form control as typing would, so Preact's input and change handlers see it. */
function fillScript(form: { prompt: string; width: number; height: number; count: number }): string {
  return `(() => {
    const fill = (el, value) => {
      Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value').set.call(el, value)
      el.dispatchEvent(new Event('input', { bubbles: true }))
      el.dispatchEvent(new Event('change', { bubbles: true }))
    }
    const byLabel = (name) => [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith(name))?.control
    fill(document.querySelector('textarea'), ${JSON.stringify(form.prompt)})
    fill(byLabel('Size'), ${JSON.stringify(`${form.width}x${form.height}`)})
    const count = byLabel('Number of results')
    fill(count, ${JSON.stringify(String(form.count))})
    count.dispatchEvent(new Event('blur'))
    return true
  })()`
}

export async function openQuietPlugin(executable: string, args: string[], hostUrl: string, runware: string, apiKey: string): Promise<QuietPlugin> {
  const browser: CdpBrowser = await launchCdpBrowser(executable, [...args, '--window-size=1400,900'])
  const url = new URL(hostUrl)
  url.searchParams.set('runware', runware)
  url.searchParams.set('key', apiKey)
  url.searchParams.set('consent', '1')
  url.searchParams.set('sample', 'none')
  const page = await browser.openPage(url.href, `(${installProbe.toString()})()`)
  await until(page, 'window.figmaHost?.ready === true', 'the host page')
  const ui = await browser.iframe()
  await until(ui, "Boolean(document.querySelector('.app textarea'))", 'the plugin UI')

  return {
    page,
    ui,
    async addPhotoFrames(images) {
      const ids: string[] = []
      for (const [index, image] of images.entries()) {
        const spec = { name: `Photo ${index + 1}`, x: index * 2000, y: 0, width: 1920, height: 1080, imageBase64: image.toString('base64') }
        ids.push(await page.evaluate<string>(`window.figmaHost.addImageFrame(${JSON.stringify(spec)})`))
      }
      return ids
    },
    async select(ids) {
      // as plugin-driver.ts select(): ready when the UI holds this selection and its pixels
      const seen = await ui.evaluate<number>('window.__bench.selections.length')
      const current = await page.evaluate<string[]>('window.figmaHost.selection()')
      const unchanged = current.length === ids.length && ids.every((id) => current.includes(id))
      await page.evaluate(`window.figmaHost.select(${JSON.stringify(ids)}), true`)
      await until(ui, `(() => {
        const selections = window.__bench.selections
        const last = selections.at(-1)
        const ids = ${JSON.stringify(ids)}
        return selections.length > ${unchanged ? 0 : seen} && last.nodeIds.length === ids.length && ids.every((id) => last.images.includes(id))
      })()`, 'the selection')
      await until(ui, `document.querySelectorAll('img').length >= ${ids.length}`, 'the reference thumbnails')
    },
    async generate(form) {
      await ui.evaluate(fillScript(form))
      await until(ui, "Boolean(document.querySelector('button.button-primary:not([disabled])'))", 'Generate to be enabled')
      const before = await page.evaluate<number>(RUN_ENDS)
      const placedBefore = await ui.evaluate<number>('window.__bench.placed.length')
      await ui.evaluate("document.querySelector('button.button-primary').click(), true")
      await until(page, `${RUN_ENDS} > ${before}`, 'the end of the run')
      const alerts = await ui.evaluate<string[]>("[...document.querySelectorAll('[role=alert]')].map((el) => el.textContent)")
      if (alerts.length > 0) throw new Error(`quiet plugin: the run reported: ${alerts.join(' | ')}`)
      return { probe: await ui.evaluate<ProbeRecord>('window.__bench'), placedBefore }
    },
    // as plugin-driver.ts historySettled(): every run the bench makes places images
    historySettled: () =>
      until(page, "(() => { const sent = window.figmaHost.sentToPlugin(); return sent.lastIndexOf('history-add') > sent.lastIndexOf('run-end') })()", 'History recording the run'),
    cpu: () => chromiumCpu(browser.pid),
    close: () => browser.close(),
  }
}
