// Driving the real plugin as a person would: through the UI's accessible names, and reading
// the results back from the document the host exposes.
import { expect } from 'vitest'
import type { Browser, Page } from 'playwright-core'

import type { DumpedNode } from '../../host/page/document-dump'
import { openHost, POLL, type HostPage } from './host-page'
import type { Servers } from './servers'

export const RECORD_KEY = 'generation'

export interface OpenPluginOptions {
  /** Pre-seed the emulator's key (default true). */
  key?: boolean | string
  /** Pre-acknowledge the third-party notice (default true). */
  consent?: boolean
  connection?: 'auto' | 'websocket' | 'rest'
  settings?: Record<string, unknown>
  theme?: 'light' | 'dark'
  beforeLoad?: (page: Page) => void
}

export function openPlugin(browser: Browser, servers: Servers, options: OpenPluginOptions = {}): Promise<HostPage> {
  const key = options.key === false ? undefined : typeof options.key === 'string' ? options.key : servers.emulator.apiKey
  return openHost(
    browser,
    servers.url({
      runware: servers.emulator.url,
      key,
      consent: options.consent === false ? undefined : '1',
      connection: options.connection,
      settings: options.settings ? JSON.stringify(options.settings) : undefined,
      theme: options.theme,
    }),
    options.beforeLoad,
  )
}

export interface RunForm {
  prompt?: string
  size?: { width: number; height: number }
  count?: number
}

export async function fillForm(host: HostPage, form: RunForm): Promise<void> {
  const { ui } = host
  if (form.prompt !== undefined) await ui.getByRole('textbox', { name: 'Prompt' }).fill(form.prompt)
  if (form.size) await ui.getByRole('combobox', { name: 'Size' }).selectOption(`${form.size.width}x${form.size.height}`)
  if (form.count !== undefined) {
    const count = ui.getByRole('spinbutton', { name: 'Number of results' })
    await count.fill(String(form.count))
    // The field commits its value when it is left, as a person tabbing on would.
    await count.press('Tab')
    await expect.poll(() => count.inputValue(), POLL).toBe(String(form.count))
  }
}

/** Selects frames by name on the host and waits until the UI shows them as references. */
export async function selectReferences(host: HostPage, names: string[]): Promise<string[]> {
  const ids = await host.page.evaluate((n) => window.figmaHost.select(n), names)
  await expect.poll(() => host.ui.getByRole('button', { name: 'Refresh' }).count(), { timeout: 10_000 }).toBe(1)
  return ids
}

export function dump(host: HostPage): Promise<DumpedNode[]> {
  return host.page.evaluate(() => window.figmaHost.dump())
}

/** Nodes that carry a generation record: the placed results. */
export async function results(host: HostPage): Promise<DumpedNode[]> {
  return (await dump(host)).filter((node) => node.pluginData[RECORD_KEY])
}

export async function waitForResults(host: HostPage, count: number, timeoutMs = 30_000): Promise<DumpedNode[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const placed = (await results(host)).filter((node) => node.fills.some((fill) => fill.type === 'IMAGE'))
    if (placed.length >= count) return placed
    if (Date.now() > deadline) {
      const alerts = await host.ui.getByRole('alert').allTextContents().catch(() => [])
      throw new Error(`${placed.length} of ${count} results placed after ${timeoutMs} ms; UI alerts: ${JSON.stringify(alerts)}; host errors: ${JSON.stringify(await host.page.evaluate(() => window.figmaHost.errors()))}`)
    }
    await host.page.waitForTimeout(200)
  }
}

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** Pairs of rectangles that share area (touching edges do not count). */
export function overlappingPairs(rects: Rect[]): Array<[number, number]> {
  const pairs: Array<[number, number]> = []
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i]!, rects[j]!)) pairs.push([i, j])
  return pairs
}
