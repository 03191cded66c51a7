// axe-core's WCAG 2.1 A and AA rules, run inside the plugin's iframe as it is on screen.
import axe from 'axe-core'
import type { Frame } from 'playwright-core'

import type { HostPage } from './host-page'

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

export interface AxeViolation {
  id: string
  help: string
  targets: string[]
}

async function pluginFrame(host: HostPage): Promise<Frame> {
  const frame = await (await host.page.locator('iframe').first().elementHandle())?.contentFrame()
  if (!frame) throw new Error('the plugin iframe has no frame')
  return frame
}

/** Every rule the view breaks, with the elements that break it: [] when it passes. */
export async function axeViolations(host: HostPage): Promise<AxeViolation[]> {
  const frame = await pluginFrame(host)
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axe.source)
  return frame.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run
    const result = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
    return result.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }))
  }, WCAG_21_AA)
}
