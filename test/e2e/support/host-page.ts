// Opening the host page the way a person would, in a fresh browser context per test, and
// small bounded waits on what it shows.
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core'

import type {} from '../../host/page/figma-host-api'

export const VIEWPORT = { width: 1400, height: 900 }

export interface HostPage {
  page: Page
  /** The plugin's UI, as the iframe Figma shows it in. */
  ui: FrameLocator
  /** Console errors and page errors seen so far, for failure messages. */
  problems: string[]
  close(): Promise<void>
}

/** `beforeLoad` runs on the new page before it navigates, e.g. to start recording traffic. */
export async function openHost(browser: Browser, url: string, beforeLoad?: (page: Page) => void): Promise<HostPage> {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORT })
  const page = await context.newPage()
  beforeLoad?.(page)
  page.setDefaultTimeout(10_000)
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  await page.goto(url, { timeout: 15_000 })
  await page.waitForFunction(() => window.figmaHost?.ready === true, null, { timeout: 15_000 }).catch((error: unknown) => {
    throw new Error(`the host page did not get ready: ${String(error)}\n${problems.join('\n')}`)
  })
  // the plugin's iframe comes first: a test may add frames of its own after it
  return { page, ui: page.frameLocator('iframe').first(), problems, close: () => context.close() }
}

/** Polls `read` in the page until `accept` holds; fails with the last value after `timeoutMs`. */
export async function waitForHost<T>(page: Page, read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  for (;;) {
    last = await page.evaluate(read)
    if (accept(last)) return last
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)?.slice(0, 2000)}`)
    await page.waitForTimeout(100)
  }
}

/** Options for expect.poll: long enough for a loaded two-core machine, still bounded. */
export const POLL = { timeout: 10_000, interval: 100 }
