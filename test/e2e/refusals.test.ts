// Journey 4: what the plugin refuses, and how it says so. Each case shows a clear message
// and places nothing on the canvas; the form problems never even reach Runware.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL, type HostPage } from './support/host-page'
import { dump, fillForm, openPlugin, selectReferences } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures()

function inferenceCount(): number {
  return fixtures.servers.emulator.tasks.filter((t) => t.task.taskType === 'imageInference').length
}

/** Runs a refusal case on a fresh page and checks that the document is left as it was. */
async function refusal(options: Parameters<typeof openPlugin>[2], check: (host: HostPage) => Promise<void>): Promise<void> {
  const host = await openPlugin(fixtures.browser, fixtures.servers, options)
  try {
    const before = await dump(host)
    const tasksBefore = inferenceCount()
    await check(host)
    const after = await dump(host)
    expect(after.map((n) => n.id)).toEqual(before.map((n) => n.id))
    if (options?.key !== 'rw-not-a-real-key') expect(inferenceCount()).toBe(tasksBefore)
    expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
  } finally {
    await host.close()
  }
}

async function generateReason(host: HostPage): Promise<string> {
  const generate = host.ui.getByRole('button', { name: 'Generate' })
  await expect.poll(() => generate.isDisabled(), POLL).toBe(true)
  return (await host.ui.locator('#generate-reason').textContent()) ?? ''
}

describe('refusals', () => {
  it('an invalid key: Runware refuses it, the plugin says to check the key, nothing stays on the canvas', async () => {
    await refusal({ key: 'rw-not-a-real-key' }, async (host) => {
      await selectReferences(host, ['Sunset dunes'])
      await fillForm(host, { prompt: 'Warm dunes', size: { width: 1024, height: 1024 }, count: 2 })
      await host.ui.getByRole('button', { name: 'Generate' }).click()
      const alert = host.ui.getByRole('alert')
      await expect.poll(() => alert.textContent(), POLL).toMatch(/API key/i)
      await expect.poll(() => host.ui.getByRole('button', { name: 'Generate' }).count(), POLL).toBe(1)
      await screenshot(host.page, 'refusal-invalid-key')
      // The placeholders made for the run are gone again.
      await expect.poll(async () => (await dump(host)).filter((n) => /^Generating /.test(n.characters ?? '')).length, POLL).toBe(0)
    })
  }, 60_000)

  it('no selection: Generate waits for 1 to 3 frames and says so', async () => {
    await refusal({}, async (host) => {
      await fillForm(host, { prompt: 'Anything at all' })
      await expect.poll(() => host.ui.getByText('Select 1 to 3 frames to use as references').count(), POLL).toBeGreaterThan(0)
      expect(await generateReason(host)).toMatch(/Select 1 to 3 frames/)
      await screenshot(host.page, 'refusal-no-selection')
    })
  }, 60_000)

  it('an empty prompt: Generate asks for one', async () => {
    await refusal({}, async (host) => {
      await selectReferences(host, ['Tidal blue'])
      await fillForm(host, { prompt: '   ' })
      expect(await generateReason(host)).toMatch(/prompt/i)
      await screenshot(host.page, 'refusal-empty-prompt')
    })
  }, 60_000)

  it('a 1001-character prompt: the field says by how much to shorten it', async () => {
    await refusal({}, async (host) => {
      await selectReferences(host, ['Tidal blue'])
      await fillForm(host, { prompt: 'a'.repeat(1001) })
      await expect.poll(() => host.ui.getByText('The prompt can be at most 1000 characters. Shorten it by 1.').count(), POLL).toBe(1)
      expect(await host.ui.getByRole('textbox', { name: 'Prompt' }).getAttribute('aria-invalid')).toBe('true')
      expect(await generateReason(host)).toMatch(/1000/)
      await screenshot(host.page, 'refusal-long-prompt')
    })
  }, 60_000)
})
