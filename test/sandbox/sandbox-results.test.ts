import { afterEach, describe, expect, it, vi } from 'vitest'

import { decodeRecord } from '../../src/common/generation-record'
import { KEY_IN_PROMPT } from '../../src/common/secret'
import { API_KEY_STORAGE_KEY } from '../../src/common/storage-keys'
import { readySandbox } from './harness'
import type { Sandbox } from './harness'
import { endRun, imageBytes, nodeById, place, plan, recordFor, startRun, viewOf, workingPlaceholders } from './run-fixtures'
import { RECORD_KEY } from '../../src/common/storage-keys'

afterEach(() => {
  vi.restoreAllMocks()
})

async function withRun(count: number, options: Parameters<typeof readySandbox>[0] = {}) {
  const sandbox = await readySandbox(options)
  const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
  const run = plan({ referenceNodeIds: [source.id], count, size: { width: 1360, height: 768 } })
  const started = await startRun(sandbox, run)
  return { sandbox, source, run, slotIds: started.slotNodeIds }
}

function boxOf(node: SceneNode) {
  return node.absoluteBoundingBox
}

describe('place-result', () => {
  it('fills the slot with the image at exactly the planned size and records what made it', async () => {
    const { sandbox, run, slotIds } = await withRun(2)
    const slot = await nodeById<RectangleNode>(sandbox, slotIds[1]!)
    const planned = boxOf(slot)
    // A JPEG of another size: the node must not follow the image's size.
    const reply = await place(sandbox, run, 1, await imageBytes('jpeg', 1000, 900))
    expect(reply).toEqual({ type: 'result-placed', requestId: expect.any(String), nodeId: slot.id })

    expect(boxOf(slot)).toEqual(planned)
    const fills = slot.fills as readonly Paint[]
    expect(fills).toHaveLength(1)
    const paint = fills[0] as ImagePaint
    expect(paint).toMatchObject({ type: 'IMAGE', scaleMode: 'FILL' })
    const image = sandbox.figma.getImageByHash(paint.imageHash!)
    expect(await image?.getSizeAsync()).toEqual({ width: 1000, height: 900 })
    expect(slot.name).toBe('2 · a foggy harbour at dawn')
    expect(decodeRecord(slot.getPluginData(RECORD_KEY))).toEqual(recordFor(run, 1))
    const labels = sandbox.fake.allNodes().filter((n): n is TextNode => n.type === 'TEXT').map((t) => t.characters)
    expect(labels).toEqual(['Generating 1 of 2…'])
  })

  it('sets the relaunch buttons with short descriptions', async () => {
    const { sandbox, run, slotIds } = await withRun(1)
    await place(sandbox, run, 0)
    const relaunch = (await nodeById(sandbox, slotIds[0]!)).getRelaunchData()
    expect(Object.keys(relaunch).sort()).toEqual(['reuse-settings', 'variations'])
    for (const description of Object.values(relaunch)) {
      expect(description).toContain('a foggy harbour at dawn')
      expect(description.length).toBeLessThan(1000)
    }
  })

  it('refuses WEBP and oversized images with a readable message and leaves the slot waiting', async () => {
    const { sandbox, run, slotIds } = await withRun(1)
    const webp = await place(sandbox, run, 0, await imageBytes('webp', 1360, 768))
    expect(webp).toMatchObject({ type: 'request-failed', message: expect.stringMatching(/WEBP/) })
    const huge = await place(sandbox, run, 0, await imageBytes('png', 5000, 10))
    expect(huge).toMatchObject({ type: 'request-failed', message: expect.stringMatching(/5000×10 px.*4096/) })
    const slot = await nodeById<RectangleNode>(sandbox, slotIds[0]!)
    expect((slot.fills as readonly Paint[])[0]?.type).toBe('SOLID')
    expect(slot.getPluginDataKeys()).toEqual([])
    expect(await place(sandbox, run, 0, await imageBytes('gif', 64, 64))).toMatchObject({ type: 'result-placed' })
  })

  it('refuses an unknown run, a slot out of range and a slot already filled', async () => {
    const { sandbox, run } = await withRun(2)
    expect(await place(sandbox, { ...run, runId: 'nope' }, 0)).toMatchObject({ type: 'request-failed', message: expect.stringMatching(/no longer/) })
    expect(await place(sandbox, run, 5)).toMatchObject({ type: 'request-failed', message: expect.stringMatching(/no result 6/) })
    await place(sandbox, run, 0)
    expect(await place(sandbox, run, 0)).toMatchObject({ type: 'request-failed', message: expect.stringMatching(/already/) })
  })

  it('recreates a slot the designer deleted, at its planned place', async () => {
    const { sandbox, run, slotIds } = await withRun(3)
    const slot = await nodeById(sandbox, slotIds[2]!)
    const planned = boxOf(slot)
    slot.remove()
    const reply = await place(sandbox, run, 2)
    if (reply.type !== 'result-placed') throw new Error(`not placed: ${JSON.stringify(reply)}`)
    expect(reply.nodeId).not.toBe(slotIds[2])
    const again = await nodeById(sandbox, reply.nodeId)
    expect(boxOf(again)).toEqual(planned)
    expect(again.parent?.type).toBe('SECTION')
  })

  it('recreates the whole section if it was deleted', async () => {
    const { sandbox, run, slotIds } = await withRun(2)
    const slot = await nodeById(sandbox, slotIds[0]!)
    const planned = boxOf(slot)
    ;(slot.parent as SectionNode).remove()
    const reply = await place(sandbox, run, 0)
    if (reply.type !== 'result-placed') throw new Error('not placed')
    const again = await nodeById(sandbox, reply.nodeId)
    expect(boxOf(again)).toEqual(planned)
    expect(again.parent).toMatchObject({ type: 'SECTION', name: 'Run 1 · a foggy harbour at dawn' })
  })

  it('keeps the placement when the selection changes mid-run', async () => {
    const { sandbox, run, slotIds } = await withRun(2)
    const planned = boxOf(await nodeById(sandbox, slotIds[0]!))
    sandbox.fake.select([sandbox.fake.addFrame({ name: 'Elsewhere', x: -5000, width: 300, height: 300 })])
    await new Promise((resolve) => setTimeout(resolve, 200))
    await place(sandbox, run, 0)
    expect(boxOf(await nodeById(sandbox, slotIds[0]!))).toEqual(planned)
  })
})

describe('the API key never reaches the document', () => {
  it('refuses to start a run whose prompt holds the key, and makes nothing', async () => {
    const secret = 'rw-SECRET-0123456789abcdef'
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: ` ${secret}\n` } })
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const before = sandbox.fake.allNodes().length
    sandbox.send({ type: 'run-start', requestId: 'start-key', plan: plan({ referenceNodeIds: [source.id], prompt: `harbour at dawn,xx${secret}yy` }) })
    expect(await sandbox.replyTo('start-key')).toEqual({ type: 'request-failed', requestId: 'start-key', message: KEY_IN_PROMPT })
    expect(sandbox.fake.allNodes()).toHaveLength(before)
  })

  it('is in no plugin data, name or relaunch description, even when a record carries it', async () => {
    const secret = 'rw-SECRET-0123456789abcdef'
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: secret } })
    const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const run = plan({ referenceNodeIds: [source.id], count: 2, prompt: 'harbour' })
    await startRun(sandbox, run)
    for (const index of [0, 1]) {
      // A UI that wrongly sent the key along: the protocol drops unknown fields, and the
      // prompt in the record is redacted.
      const record = { ...recordFor(run, index), prompt: `harbour ${secret}`, apiKey: secret }
      sandbox.send({ type: 'place-result', requestId: `p${index}`, runId: run.runId, index, image: await imageBytes('png', 1024, 1024), record })
      expect(await sandbox.replyTo(`p${index}`)).toMatchObject({ type: 'result-placed' })
    }
    await endRun(sandbox, run)

    const everything: BaseNode[] = [sandbox.figma.root, ...sandbox.figma.root.children, ...sandbox.fake.allNodes()]
    let scanned = 0
    for (const node of everything) {
      expect(node.name).not.toContain(secret)
      for (const key of node.getPluginDataKeys()) {
        scanned += 1
        expect(node.getPluginData(key)).not.toContain(secret)
      }
      for (const description of Object.values(node.getRelaunchData())) expect(description).not.toContain(secret)
    }
    expect(scanned).toBeGreaterThanOrEqual(3)
    const placed = sandbox.fake.allNodes().filter((n) => n.getPluginData(RECORD_KEY))
    expect(placed.map((n) => decodeRecord(n.getPluginData(RECORD_KEY))?.prompt)).toEqual(['harbour [api key]', 'harbour [api key]'])
  })
})

describe('ending a run', () => {
  async function finished(sandbox: Sandbox) {
    return sandbox.fake.allNodes().filter((n) => n.type === 'RECTANGLE')
  }

  it('done: selects the results, scrolls to them and makes one undo step', async () => {
    const { sandbox, run, slotIds } = await withRun(4)
    for (const index of [0, 1, 2, 3]) await place(sandbox, run, index)
    expect(sandbox.fake.undoCheckpoints).toBe(0)
    await endRun(sandbox, run)
    expect(sandbox.fake.undoCheckpoints).toBe(1)
    expect(sandbox.figma.currentPage.selection.map((n) => n.id)).toEqual(slotIds)
    expect(viewOf(sandbox, sandbox.figma.currentPage.selection)).toEqual({ inView: true, clearOfWindow: true })
    expect(workingPlaceholders(sandbox)).toEqual([])
  })

  it('cancelled: the unfilled placeholders go, the placed result stays', async () => {
    const { sandbox, run, slotIds } = await withRun(4)
    await place(sandbox, run, 1)
    await endRun(sandbox, run, 'cancelled')
    expect(workingPlaceholders(sandbox)).toEqual([])
    expect((await finished(sandbox)).map((n) => n.id)).toEqual([slotIds[1]])
    expect(sandbox.figma.currentPage.selection.map((n) => n.id)).toEqual([slotIds[1]])
    expect(sandbox.fake.undoCheckpoints).toBe(1)
  })

  it('failed with nothing placed: no placeholder and no section remain', async () => {
    const { sandbox, run, source } = await withRun(3)
    await endRun(sandbox, run, 'failed')
    expect(sandbox.fake.allNodes().map((n) => n.id)).toEqual([source.id])
    expect(sandbox.fake.undoCheckpoints).toBe(1)
  })

  it('result-failed removes just that placeholder', async () => {
    const { sandbox, run, slotIds } = await withRun(3)
    sandbox.send({ type: 'result-failed', runId: run.runId, index: 1, message: 'moderation' })
    await sandbox.settle()
    expect(await sandbox.figma.getNodeByIdAsync(slotIds[1]!)).toBeNull()
    expect(workingPlaceholders(sandbox).filter((n) => n.type === 'RECTANGLE').map((n) => n.id)).toEqual([slotIds[0], slotIds[2]])
    expect(workingPlaceholders(sandbox).filter((n) => n.type === 'TEXT')).toHaveLength(2)
  })

  it('each run is its own undo step', async () => {
    const { sandbox, run, source } = await withRun(1)
    await place(sandbox, run, 0)
    await endRun(sandbox, run)
    const next = plan({ runId: 'run-2', referenceNodeIds: [source.id] })
    await startRun(sandbox, next)
    await place(sandbox, next, 0)
    await endRun(sandbox, next)
    expect(sandbox.fake.undoCheckpoints).toBe(2)
  })

  it('messages for a run that is over change nothing', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { sandbox, run } = await withRun(1)
    await place(sandbox, run, 0)
    await endRun(sandbox, run)
    const nodes = sandbox.fake.allNodes().map((n) => n.id)
    sandbox.send({ type: 'result-failed', runId: run.runId, index: 0, message: 'late' })
    await endRun(sandbox, run)
    expect(sandbox.fake.allNodes().map((n) => n.id)).toEqual(nodes)
    expect(sandbox.fake.undoCheckpoints).toBe(1)
  })

  it('closing the plugin mid-run leaves no placeholder behind', async () => {
    const { sandbox, run, slotIds } = await withRun(3)
    await place(sandbox, run, 0)
    sandbox.fake.closeByUser()
    expect(workingPlaceholders(sandbox)).toEqual([])
    expect((await finished(sandbox)).map((n) => n.id)).toEqual([slotIds[0]])
  })
})

describe('selected-record', () => {
  it('is sent for a selected result and cleared for a plain frame', async () => {
    const { sandbox, run, slotIds, source } = await withRun(1)
    await place(sandbox, run, 0)
    await endRun(sandbox, run)
    const withRecord = await sandbox.waitFor('selected-record', (m) => m.nodeId === slotIds[0])
    expect(withRecord.record).toEqual(recordFor(run, 0))
    const after = sandbox.received.length
    sandbox.fake.select([source])
    expect(await sandbox.waitFor('selected-record', () => true, after)).toEqual({ type: 'selected-record', nodeId: null, record: null })
  })
})
