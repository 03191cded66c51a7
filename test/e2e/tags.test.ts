// Tagged references in the browser: each reference shows the tag its layer name gives, `@` in
// the prompt offers them, and a prompt naming them sends `{ image, tag }` objects (a prompt
// that names none sends plain strings); a Runware that refuses the objects gets the run once
// more as strings, each tag said by its position.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { fillForm, openPlugin, selectReferences, waitForResults } from './support/plugin-ui'
import { screenshot } from './support/screenshots'
import type { HostPage } from './support/host-page'

const fixtures = useE2eFixtures({ latencyMs: 20 })

type Reference = string | { image: string; tag: string }

function inferenceTasks(): Record<string, unknown>[] {
  return fixtures.servers.emulator.tasks.map((t) => t.task).filter((task) => task.taskType === 'imageInference')
}

function referencesOf(task: Record<string, unknown> | undefined): Reference[] {
  return (task?.inputs as { referenceImages: Reference[] }).referenceImages
}

const chips = (host: HostPage) => host.ui.locator('.tag-chip input')

async function generateAndWait(host: HostPage, placedBefore: number, count = 1): Promise<void> {
  await host.ui.getByRole('button', { name: 'Generate' }).click()
  await waitForResults(host, placedBefore + count)
  await expect.poll(() => host.ui.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/Done/)
}

describe('tagged references', () => {
  it('sends { image, tag } objects when the prompt names the references, and strings when it does not', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await expect.poll(() => chips(host).evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['sunsetdunes', 'tidalblue'])
      await fillForm(host, { size: { width: 1440, height: 1080 }, count: 1 })

      // typing @ offers the tags; arrows and Enter insert one
      const prompt = host.ui.getByRole('textbox', { name: 'Prompt' })
      await prompt.fill('')
      await prompt.pressSequentially('Dunes rolling into @')
      const list = host.ui.getByRole('listbox', { name: 'Reference tags' })
      await expect.poll(() => list.getByRole('option').allTextContents()).toEqual(['@sunsetdunes Sunset dunes', '@tidalblue Tidal blue'])
      await prompt.press('ArrowDown')
      await expect.poll(() => list.getByRole('option', { selected: true }).textContent()).toBe('@tidalblue Tidal blue')
      await screenshot(host.page, 'tags-1-autocomplete-light')
      await prompt.press('Enter')
      await expect.poll(() => prompt.inputValue()).toBe('Dunes rolling into @tidalblue ')
      await expect.poll(() => list.count()).toBe(0)
      await prompt.pressSequentially('under @sunsetdunes light')
      await screenshot(host.page, 'tags-2-chips-and-used-tags-light')

      const before = inferenceTasks().length
      await generateAndWait(host, 0)
      const tagged = inferenceTasks()[before]
      expect(tagged!.positivePrompt).toBe('Dunes rolling into @tidalblue under @sunsetdunes light')
      const objects = referencesOf(tagged)
      expect(objects.map((ref) => (typeof ref === 'string' ? ref : ref.tag))).toEqual(['sunsetdunes', 'tidalblue'])
      for (const ref of objects) expect(typeof ref === 'object' && typeof ref.image === 'string' && ref.image.length > 0).toBe(true)

      // the same references, a prompt that names none: plain strings
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await expect.poll(() => chips(host).count()).toBe(2)
      await fillForm(host, { prompt: 'Dunes rolling into the tide' })
      await generateAndWait(host, 1)
      const plain = referencesOf(inferenceTasks()[before + 1])
      expect(plain).toHaveLength(2)
      for (const ref of plain) expect(typeof ref).toBe('string')
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('flags an @word that names no reference, and Generate refuses it', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers, { theme: 'dark' })
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      const prompt = host.ui.getByRole('textbox', { name: 'Prompt' })
      await prompt.fill('')
      await prompt.pressSequentially('Waves over @')
      await expect.poll(() => host.ui.getByRole('listbox', { name: 'Reference tags' }).getByRole('option').count()).toBe(2)
      await screenshot(host.page, 'tags-3-autocomplete-dark')
      await prompt.press('Escape')
      await prompt.fill('@sunset over @tidalblue')
      const message = '@sunset is not a reference tag. Did you mean @sunsetdunes?'
      await expect.poll(() => host.ui.locator('#prompt-tag-error').textContent()).toBe(message)
      await expect.poll(() => host.ui.locator('#generate-reason').textContent()).toBe(message)
      expect(await host.ui.getByRole('button', { name: 'Generate' }).isDisabled()).toBe(true)
      await screenshot(host.page, 'tags-4-unknown-tag-dark')
    } finally {
      await host.close()
    }
  })

  it('sends the run again as strings, tags said by position, when Runware refuses the objects', async () => {
    fixtures.servers.emulator.setOptions({ refuseTaggedReferences: true })
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: '@sunsetdunes meets @tidalblue', size: { width: 1440, height: 1080 }, count: 1 })
      const before = inferenceTasks().length
      await host.ui.getByRole('button', { name: 'Generate' }).click()
      await expect.poll(() => host.ui.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/Done/)
      const [refused, again] = inferenceTasks().slice(before)
      expect(referencesOf(refused).every((ref) => typeof ref === 'object')).toBe(true)
      expect(referencesOf(again).every((ref) => typeof ref === 'string')).toBe(true)
      expect(again!.positivePrompt).toBe('the first image meets the second image')
      expect(again!.taskUUID).not.toBe(refused!.taskUUID)
      await expect.poll(() => host.ui.getByText('Runware refused tagged references').count()).toBe(1)
    } finally {
      fixtures.servers.emulator.setOptions({ refuseTaggedReferences: false })
      await host.close()
    }
  })
})
