// An outage mid-run in the browser: the run ends as interrupted with what it placed, says the
// rest is kept at Runware, and the plugin fetches it once Runware is back, without a new task.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { openHost, POLL } from './support/host-page'
import { dump, fillForm, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures({ latencyMs: 100 })

describe.each(['light', 'dark'] as const)('an outage mid-run (%s theme)', (theme) => {
  it('ends the run as interrupted, then places every result once Runware is back', { timeout: 60_000 }, async () => {
    const { servers, browser } = fixtures
    const host = await openHost(
      browser,
      servers.url({ runware: servers.emulator.url, key: servers.emulator.apiKey, consent: '1', connection: 'rest', theme }),
    )
    try {
      await selectReferences(host, ['Sunset dunes'])
      const inferencesBefore = servers.emulator.tasks.filter((t) => t.task.taskType === 'imageInference').length
      servers.emulator.injectFault({ kind: 'outage', ms: 8000 })
      await fillForm(host, { prompt: 'Dunes in a dust storm', count: 2, size: { width: 1024, height: 1024 } })
      await host.ui.getByRole('button', { name: 'Generate' }).click()
      await expect
        .poll(() => host.ui.locator('.status-line').textContent(), { timeout: 30_000 })
        .toBe('Connection lost — 0 of 2 placed. The other images are kept at Runware; the plugin will fetch them when Runware is reachable again.')
      await screenshot(host.page, `outage-interrupted-${theme}`)
      const placed = await waitForResults(host, 2, 45_000)
      expect(new Set(placed.map((node) => node.id)).size).toBe(2)
      await expect.poll(() => host.ui.getByText(/^Recovered 2 images from the interrupted run/).count(), POLL).toBe(1)
      await screenshot(host.page, `outage-recovered-${theme}`)
      expect((await dump(host)).some((node) => /^Generating/.test(node.name))).toBe(false)
      expect(servers.emulator.tasks.filter((t) => t.task.taskType === 'imageInference').length).toBe(inferencesBefore + 1)
    } finally {
      servers.emulator.clearFaults()
      servers.emulator.outage(0)
      await host.close()
    }
  })
})
