// Journeys 2 and 3: a designer selects frames, writes a prompt, picks a size and a count, and
// the results land on the canvas beside the frames at exactly that size, each with what
// produced it recorded on the node.
import { describe, expect, it } from 'vitest'

import type { DumpedNode } from '../host/page/document-dump'
import { useE2eFixtures } from './support/fixtures'
import { dump, fillForm, openPlugin, overlappingPairs, RECORD_KEY, selectReferences, waitForResults, type Rect } from './support/plugin-ui'
import { recordDeliveredImages, type DeliveredImage } from './support/runware-traffic'
import { screenshot } from './support/screenshots'

const fixtures = useE2eFixtures({ latencyMs: 50, staggerMs: 20 })

interface Record {
  prompt: string
  width: number
  height: number
  model: string
  taskUUID: string
  imageUUID: string
  outputFormat?: string
  referenceNodeIds: string[]
}

const recordOf = (node: DumpedNode): Record => JSON.parse(node.pluginData[RECORD_KEY]!) as Record

function rightEdge(rects: Rect[]): number {
  return Math.max(...rects.map((r) => r.x + r.width))
}

function inferenceTasks(): Array<Record & { [key: string]: unknown }> {
  return fixtures.servers.emulator.tasks.map((t) => t.task).filter((task) => task.taskType === 'imageInference') as never
}

describe('generating from selected frames', () => {
  it('places four 1440×1080 results beside two frames, with their records, made of the emulator’s bytes', async () => {
    let delivered: DeliveredImage[] = []
    const host = await openPlugin(fixtures.browser, fixtures.servers, { beforeLoad: (page) => (delivered = recordDeliveredImages(page, fixtures.servers.emulator.url)) })
    try {
      const prompt = 'A dreamy coastal desert at golden hour'
      const sourceIds = await selectReferences(host, ['Sunset dunes', 'Tidal blue'])
      await fillForm(host, { prompt, size: { width: 1440, height: 1080 }, count: 4 })
      await screenshot(host.page, 'generate-1-two-frames-ready')
      const tasksBefore = inferenceTasks().length
      await host.ui.getByRole('button', { name: 'Generate' }).click()

      const placed = await waitForResults(host, 4)
      await expect.poll(() => host.ui.getByRole('status').textContent(), { timeout: 10_000 }).toMatch(/Done: 4 images placed/)
      await host.page.evaluate(() => window.figmaHost.fitAll())
      await screenshot(host.page, 'generate-2-four-results-placed')

      // One request, as the designer asked for it.
      const tasks = inferenceTasks().slice(tasksBefore)
      expect(tasks).toHaveLength(1)
      expect(tasks[0]).toMatchObject({ model: 'runway:4@2', positivePrompt: prompt, width: 1440, height: 1080, numberResults: 4 })
      expect((tasks[0]!.inputs as { referenceImages: unknown[] }).referenceImages).toHaveLength(2)

      const nodes = await dump(host)
      const sources = nodes.filter((n) => sourceIds.includes(n.id)).map((n) => n.absolute)
      for (const node of placed) {
        expect([node.width, node.height]).toEqual([1440, 1080])
        expect(node.fills).toEqual([expect.objectContaining({ type: 'IMAGE', scaleMode: 'FILL' })])
        // Beside the frames: to the right of both.
        expect(node.absolute.x).toBeGreaterThanOrEqual(rightEdge(sources))
        const record = recordOf(node)
        expect(record).toMatchObject({ prompt, width: 1440, height: 1080, model: 'runway:4@2', taskUUID: tasks[0]!.taskUUID })
        expect([...record.referenceNodeIds].sort()).toEqual([...sourceIds].sort())
        const info = await host.page.evaluate((hash) => window.figmaHost.imageInfo(hash), node.fills[0]!.imageHash!)
        expect(info).toMatchObject({ format: 'JPEG', width: 1440, height: 1080 })
      }
      expect(overlappingPairs([...sources, ...placed.map((n) => n.absolute)])).toEqual([])
      // Byte for byte the emulator's images: each node's image hash is the SHA-1 of what arrived
      // for the imageUUID in its record.
      const byUuid = new Map(delivered.map((d) => [d.imageUUID, d.sha1]))
      expect(new Set(placed.map((n) => recordOf(n).imageUUID)).size).toBe(4)
      for (const node of placed) expect(node.fills[0]!.imageHash).toBe(byUuid.get(recordOf(node).imageUUID))
      // The key is never written into the document.
      expect(JSON.stringify(nodes)).not.toContain(fixtures.servers.emulator.apiKey)
      expect(await host.page.evaluate(() => window.figmaHost.violations())).toEqual([])
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  }, 60_000)

  it('turns WEBP output into PNG image fills, and lays out 20 results without overlaps', async () => {
    const host = await openPlugin(fixtures.browser, fixtures.servers)
    try {
      // The output format is an advanced setting, chosen in the plugin's settings.
      await host.ui.getByRole('button', { name: 'Settings' }).click()
      await host.ui.getByText('Connection & delivery').click()
      await host.ui.getByRole('combobox', { name: 'Output format' }).selectOption('WEBP')
      await screenshot(host.page, 'generate-3-webp-setting')
      await host.ui.getByRole('button', { name: 'Done' }).click()

      const sourceIds = await selectReferences(host, ['Moss & fern'])
      await fillForm(host, { prompt: 'Fern fronds in morning fog', size: { width: 720, height: 720 }, count: 20 })
      const tasksBefore = inferenceTasks().length
      await host.ui.getByRole('button', { name: 'Generate' }).click()
      // 20 is above the default threshold of 8: the run asks first
      await host.ui.getByRole('button', { name: 'Confirm' }).click()

      const placed = await waitForResults(host, 20, 90_000)
      await expect.poll(() => host.ui.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/Done: 20 images placed/)
      await host.page.evaluate(() => window.figmaHost.fitAll())
      await screenshot(host.page, 'generate-4-twenty-webp-results')

      expect(inferenceTasks().slice(tasksBefore)).toEqual([expect.objectContaining({ outputFormat: 'WEBP', numberResults: 20, width: 720, height: 720 })])
      expect(placed).toHaveLength(20)
      for (const node of placed) {
        expect([node.width, node.height]).toEqual([720, 720])
        const info = await host.page.evaluate((hash) => window.figmaHost.imageInfo(hash), node.fills[0]!.imageHash!)
        expect(info).toMatchObject({ format: 'PNG', width: 720, height: 720 })
        expect(recordOf(node)).toMatchObject({ outputFormat: 'WEBP', referenceNodeIds: sourceIds })
      }
      // Nothing on top of anything: not the results on each other, nor on the board's frames.
      const nodes = await dump(host)
      const boardFrames = nodes.filter((n) => n.type === 'FRAME' && !n.pluginData[RECORD_KEY] && nodes.find((p) => p.id === n.parentId)?.type !== 'FRAME')
      expect(boardFrames.map((n) => n.name)).toEqual(expect.arrayContaining(['Sunset dunes', 'Tidal blue', 'Moss & fern', 'Neon grid']))
      const others = boardFrames.filter((n) => !placed.some((p) => p.parentId === n.id)).map((n) => n.absolute)
      expect(overlappingPairs(placed.map((n) => n.absolute))).toEqual([])
      for (const result of placed) for (const other of others) expect(overlappingPairs([result.absolute, other])).toEqual([])
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  }, 120_000)
})
