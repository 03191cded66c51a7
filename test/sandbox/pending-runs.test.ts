import { afterEach, describe, expect, it, vi } from 'vitest'

import type { PendingRun } from '../../src/common/protocol'
import { CLIENT_STORAGE_LIMIT } from '../figma-fake/client-storage'
import { readySandbox } from './harness'
import { endRun, imageBytes, nodeById, place, plan, recordFor, startRun, workingPlaceholders } from './run-fixtures'
import { PENDING_RUNS_STORAGE_KEY } from '../../src/common/storage-keys'

// The sandbox's side of recovery: a run's pending entry is confirmed before its task may go,
// it outlives an interrupted run, and placements are counted against the task, whichever run
// placed them.

afterEach(() => {
  vi.restoreAllMocks()
})

async function withRun(count: number) {
  const sandbox = await readySandbox()
  const source = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
  const run = plan({ referenceNodeIds: [source.id], count, size: { width: 1360, height: 768 } })
  const started = await startRun(sandbox, run)
  return { sandbox, run, slotIds: started.slotNodeIds }
}

const stored = async (sandbox: Awaited<ReturnType<typeof readySandbox>>) =>
  (await sandbox.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)) as PendingRun[] | undefined

describe('task-sent', () => {
  it('answers task-saved once the entry is in clientStorage', async () => {
    const { sandbox, run } = await withRun(2)
    const reply = await sandbox.request({ type: 'task-sent', requestId: 'save-1', runId: run.runId, taskUUID: `task-${run.runId}` }, 'task-saved')
    expect(reply).toEqual({ type: 'task-saved', requestId: 'save-1' })
    expect(await stored(sandbox)).toEqual([
      { taskUUID: `task-${run.runId}`, plan: run, placedImageUUIDs: [], sentAt: expect.any(Number), sectionId: expect.any(String), placedIndices: [] },
    ])
  })

  it('answers request-failed when clientStorage refuses the entry', async () => {
    const { sandbox, run } = await withRun(1)
    // clientStorage is nearly full: the entry does not fit in what is left of its 5 MB
    await sandbox.figma.clientStorage.setAsync('filler', 'x'.repeat(CLIENT_STORAGE_LIMIT - 100))
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    sandbox.send({ type: 'task-sent', requestId: 'save-2', runId: run.runId, taskUUID: 'task-x' })
    expect(await sandbox.replyTo('save-2')).toEqual({ type: 'request-failed', requestId: 'save-2', message: 'Figma could not save this run for recovery.' })
  })

  it('answers request-failed for a run it does not hold', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'task-sent', requestId: 'save-3', runId: 'nobody', taskUUID: 'task-y' })
    expect(await sandbox.replyTo('save-3')).toMatchObject({ type: 'request-failed' })
    expect(await stored(sandbox)).toBeUndefined()
  })
})

describe('run-end and the pending entry', () => {
  it('keeps the entry of an interrupted run, with what was placed, and clears its unfilled placeholders', async () => {
    const { sandbox, run, slotIds } = await withRun(3)
    await sandbox.request({ type: 'task-sent', requestId: 's', runId: run.runId, taskUUID: `task-${run.runId}` }, 'task-saved')
    await place(sandbox, run, 0, await imageBytes('png', 64, 36))
    await endRun(sandbox, run, 'interrupted')
    expect(await stored(sandbox)).toEqual([expect.objectContaining({ taskUUID: `task-${run.runId}`, placedImageUUIDs: [recordFor(run, 0).imageUUID] })])
    expect(workingPlaceholders(sandbox)).toEqual([])
    expect((await nodeById(sandbox, slotIds[0]!)).removed).toBe(false)
  })

  it.each(['done', 'cancelled', 'failed'] as const)('clears the entry of a run that ended %s', async (outcome) => {
    const { sandbox, run } = await withRun(1)
    await sandbox.request({ type: 'task-sent', requestId: 's', runId: run.runId, taskUUID: `task-${run.runId}` }, 'task-saved')
    await endRun(sandbox, run, outcome)
    expect(await stored(sandbox)).toBeUndefined()
  })

  it("counts a recovery's placements against the task's entry, so they are never placed twice", async () => {
    const { sandbox, run } = await withRun(2)
    await sandbox.request({ type: 'task-sent', requestId: 's', runId: run.runId, taskUUID: `task-${run.runId}` }, 'task-saved')
    await endRun(sandbox, run, 'interrupted')
    // the recovery places into a run of its own, under the same task
    const recovery = plan({ ...run, runId: 'recovery-1', count: 1 })
    await startRun(sandbox, recovery)
    const record = { ...recordFor(recovery, 0), taskUUID: `task-${run.runId}` }
    sandbox.send({ type: 'place-result', requestId: 'p', runId: recovery.runId, index: 0, image: await imageBytes('png', 64, 36), record })
    expect(await sandbox.replyTo('p')).toMatchObject({ type: 'result-placed' })
    await sandbox.settle()
    expect((await stored(sandbox))![0]!.placedImageUUIDs).toEqual([record.imageUUID])
  })
})
