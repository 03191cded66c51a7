// The floor under "UI ready after showUI": what the host takes to show a prompt field in a
// new iframe with no plugin code at all. Same sandbox attribute (null origin, so Chromium
// loads it outside the host page's process: in the one the plugin's window already runs in,
// so no process start is counted here), same srcdoc route, same probe
// (page-probe.ts rides in the srcdoc and watches for `.app textarea`); only the HTML is a
// bare form. What the plugin takes beyond this is its own cost and its new window's load.
import type { Page } from 'playwright-core'

import type {} from './page-probe'

const FLOOR_NAME = 'bench-ui-floor'
const BARE_FORM = '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><div class="app"><textarea></textarea></div></body></html>'

/** Inserts the bare iframe, waits for its textarea, removes it; ms from insertion to ready. */
export async function measureUiFloor(page: Page): Promise<number> {
  const inserted = await page.evaluate(
    ({ name, html }) => {
      const iframe = document.createElement('iframe')
      iframe.setAttribute('sandbox', 'allow-scripts')
      iframe.name = name
      iframe.srcdoc = html
      document.body.append(iframe)
      return performance.timeOrigin + performance.now()
    },
    { name: FLOOR_NAME, html: BARE_FORM },
  )
  try {
    const deadline = Date.now() + 10_000
    for (;;) {
      const frame = page.frames().find((f) => f.name() === FLOOR_NAME && !f.isDetached())
      const ready = await frame?.evaluate(() => window.__bench?.uiReady ?? null).catch(() => null)
      if (typeof ready === 'number') return ready - inserted
      if (Date.now() > deadline) throw new Error('the bare floor iframe never showed its textarea')
      await page.waitForTimeout(10)
    }
  } finally {
    await page.evaluate((name) => document.querySelector(`iframe[name="${name}"]`)?.remove(), FLOOR_NAME)
  }
}
