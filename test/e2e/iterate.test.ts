// Iterating like a designer, in the browser: references that stay the designer's choice after
// a run, any 3 of many, a pinned board style, History's Reuse and More like this. Each journey
// asserts the tasks that reached the emulator and the records on the placed results.
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { POLL, type HostPage } from './support/host-page'
import { fillForm, openPlugin, RECORD_KEY, results, selectReferences } from './support/plugin-ui'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures({ latencyMs: 30, staggerMs: 10 })

function inferenceTasks(): Array<{ inputs: { referenceImages: string[] }; positivePrompt: string; numberResults: number }> {
  return fixtures.servers.emulator.tasks.map((t) => t.task).filter((task) => task.taskType === 'imageInference') as never
}

const referencesOf = (task: { inputs: { referenceImages: string[] } }) => task.inputs.referenceImages

async function generateAndWait(host: HostPage, tasksBefore: number): Promise<void> {
  await host.ui.getByRole('button', { name: 'Generate' }).click()
  await expect.poll(() => inferenceTasks().length, POLL).toBe(tasksBefore + 1)
  await expect.poll(() => host.ui.locator('.status-line').textContent(), { timeout: 30_000 }).toMatch(/^Done/)
}

/** Selects frames by name and waits until they are the chosen references (beside a pinned style). */
async function chooseByHand(host: HostPage, names: string[]): Promise<string[]> {
  const ids = await host.page.evaluate((n) => window.figmaHost.select(n), names)
  await expect.poll(() => host.ui.locator('.reference-chosen:not(.reference-pinned) .reference-name').allTextContents(), POLL).toEqual(names.slice(0, 3))
  return ids
}

/** The reference node ids recorded on the placed results, one list per run. */
async function recordedReferences(host: HostPage): Promise<string[][]> {
  const byRun = new Map<string, string[]>()
  for (const node of await results(host)) {
    const record = JSON.parse(node.pluginData[RECORD_KEY]!) as { runId: string; referenceNodeIds: string[] }
    byRun.set(record.runId, record.referenceNodeIds)
  }
  return [...byRun.values()]
}

describe('iterating on a run', () => {
  it('a run, then Generate again at once: the second task’s references are the first task’s', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: 'Dunes at dusk, film grain', size: { width: 1024, height: 1024 }, count: 4 })
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      // the run selected its four results; the panel still shows the two frames, and Generate works
      expect(await host.page.evaluate(() => window.figmaHost.selection().length)).toBe(4)
      expect(await host.ui.locator('.reference-chosen .reference-name').allTextContents()).toEqual(['Sunset dunes', 'Tidal blue'])
      expect(await host.ui.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true)
      await screenshot(host.page, 'iterate-after-run')
      await generateAndWait(host, before + 1)
      const [first, second] = inferenceTasks().slice(before)
      expect(referencesOf(second!)).toEqual(referencesOf(first!))
      expect(referencesOf(second!)).toHaveLength(2)
    } finally {
      await host.close()
    }
  })

  it('4 frames selected: a task with the first 3, and with the swapped ones after a swap', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      const ids = await selectReferences(host, ['Sunset dunes', 'Tidal blue', 'Moss & fern', 'Neon grid'])
      await expect.poll(() => host.ui.locator('.reference-name').allTextContents(), POLL).toEqual(['Sunset dunes', 'Tidal blue', 'Moss & fern', 'Neon grid'])
      await expect.poll(() => host.ui.getByText('4 frames: 3 used.').count(), POLL).toBe(1)
      await fillForm(host, { prompt: 'Coastal desert collage', size: { width: 1024, height: 1024 }, count: 1 })
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      // swap: Sunset dunes out, Neon grid in (the longest chosen makes room)
      await host.ui.getByRole('button', { name: /^Neon grid/, pressed: false }).click()
      await expect.poll(() => host.ui.locator('.reference-chosen .reference-name').allTextContents(), POLL).toEqual(['Tidal blue', 'Moss & fern', 'Neon grid'])
      await generateAndWait(host, before + 1)
      const [first, second] = inferenceTasks().slice(before)
      expect(referencesOf(first!)).toHaveLength(3)
      expect(referencesOf(second!)).toHaveLength(3)
      // the two kept are the very same uploads, the third is new
      expect(referencesOf(second!).slice(0, 2)).toEqual(referencesOf(first!).slice(1))
      expect(referencesOf(first!)).not.toContain(referencesOf(second!)[2])
      const recorded = await recordedReferences(host)
      expect(recorded).toEqual(expect.arrayContaining([ids.slice(0, 3), ids.slice(1)]))
    } finally {
      await host.close()
    }
  })

  it('no state after a 20-result run disables Generate', { timeout: 90_000 }, async () => {
    // large runs ask first (their own journey); this one is about what follows a run
    const host = await openPlugin(fixtures.browser, fixtures.servers, { settings: { confirmAbove: 20 } })
    try {
      await selectReferences(host, ['Moss & fern'])
      await fillForm(host, { prompt: 'Moss macro, twenty takes', size: { width: 720, height: 720 }, count: 20 })
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      expect(await host.page.evaluate(() => window.figmaHost.selection().length)).toBe(20)
      expect(await host.ui.getByRole('button', { name: 'Generate' }).isEnabled()).toBe(true)
      expect(await host.ui.getByText(/20 frames/).count()).toBe(0)
      await expect.poll(() => host.ui.getByRole('listitem', { name: /^Result \d+$/ }).count(), POLL).toBe(20)
      // the designer now selects all twenty by hand: three are chosen, Generate still works
      const resultIds = await host.page.evaluate(() => window.figmaHost.selection())
      // a person's clicks come well after the run's own selection was reported (debounced 150 ms)
      await host.page.waitForTimeout(500)
      await host.page.evaluate(() => window.figmaHost.select([]))
      await host.page.evaluate((all) => window.figmaHost.select(all), resultIds)
      await expect.poll(() => host.ui.getByText('20 images: 3 used.', { exact: false }).count(), POLL).toBe(1)
      await expect.poll(() => host.ui.getByRole('button', { name: 'Generate' }).isEnabled(), POLL).toBe(true)
    } finally {
      await host.close()
    }
  })
})

describe('a board style', () => {
  it('rides along on two later runs and goes when unpinned', { timeout: 90_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      const [styleId] = await selectReferences(host, ['Neon grid'])
      await host.ui.getByRole('button', { name: 'Pin as style' }).click()
      await expect.poll(() => host.ui.locator('.reference-pinned .reference-name').textContent(), POLL).toBe('Neon grid')
      const others = await chooseByHand(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: 'Dunes, neon accents', size: { width: 1024, height: 1024 }, count: 1 })
      await screenshot(host.page, 'iterate-pinned-style')
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      await chooseByHand(host, ['Moss & fern'])
      await generateAndWait(host, before + 1)
      await host.ui.getByRole('button', { name: 'Unpin' }).click()
      await expect.poll(() => host.ui.locator('.reference-pinned').count(), POLL).toBe(0)
      await generateAndWait(host, before + 2)
      const tasks = inferenceTasks().slice(before)
      expect(tasks.map((task) => referencesOf(task).length)).toEqual([3, 2, 1])
      // the style is the same upload on both runs it rode along on, and absent from the last
      expect(referencesOf(tasks[1]!)[0]).toBe(referencesOf(tasks[0]!)[0])
      expect(referencesOf(tasks[2]!)).not.toContain(referencesOf(tasks[0]!)[0])
      const recorded = await recordedReferences(host)
      expect(recorded.filter((ids) => ids.includes(styleId!))).toHaveLength(2)
      expect(recorded).toContainEqual([styleId, ...others])
    } finally {
      await host.close()
    }
  })
})

describe('the next step in one click', () => {
  it('History → Reuse of an earlier run sends that run’s references', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: 'First: dunes and tide', size: { width: 1024, height: 1024 }, count: 1 })
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      await chooseByHand(host, ['Moss & fern'])
      await fillForm(host, { prompt: 'Second: moss' })
      await generateAndWait(host, before + 1)
      await host.ui.getByRole('button', { name: 'History' }).click()
      const items = host.ui.getByRole('list', { name: 'Past runs' }).getByRole('listitem')
      await expect.poll(() => items.count(), POLL).toBe(2)
      await items.nth(1).getByRole('button', { name: 'Reuse' }).click()
      await expect.poll(() => host.ui.locator('.reference-chosen .reference-name').allTextContents(), POLL).toEqual(['Sunset dunes', 'Tidal blue'])
      expect(await host.ui.getByRole('textbox', { name: 'Prompt' }).inputValue()).toBe('First: dunes and tide')
      await generateAndWait(host, before + 2)
      const [first, , reused] = inferenceTasks().slice(before)
      expect(reused!.positivePrompt).toBe('First: dunes and tide')
      expect(referencesOf(reused!)).toEqual(referencesOf(first!))
    } finally {
      await host.close()
    }
  })

  it('More like this on a result sends that result as the only reference', { timeout: 60_000 }, async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt: 'Dunes at dusk', size: { width: 1024, height: 1024 }, count: 2 })
      const before = inferenceTasks().length
      await generateAndWait(host, before)
      const resultIds = await host.page.evaluate(() => window.figmaHost.selection())
      const second = host.ui.getByRole('listitem', { name: 'Result 2' })
      await expect.poll(() => second.locator('img').count(), POLL).toBe(1)
      await screenshot(host.page, 'iterate-results')
      await second.getByRole('button', { name: 'More like this' }).click()
      await expect.poll(() => inferenceTasks().length, POLL).toBe(before + 2)
      await expect.poll(() => host.ui.locator('.status-line').textContent(), { timeout: 30_000 }).toMatch(/^Done/)
      const [first, more] = inferenceTasks().slice(before)
      expect(more!.positivePrompt).toBe('Dunes at dusk')
      expect(referencesOf(more!)).toHaveLength(1)
      expect(referencesOf(first!)).not.toContain(referencesOf(more!)[0])
      // the result that was clicked is the one reference on the new run's records
      const sortedIds = [...resultIds].sort()
      const recorded = await recordedReferences(host)
      expect(recorded.filter((ids) => ids.length === 1)).toHaveLength(1)
      expect(sortedIds).toContain(recorded.find((ids) => ids.length === 1)![0])
    } finally {
      await host.close()
    }
  })
})
