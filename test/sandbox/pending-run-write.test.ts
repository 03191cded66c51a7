import { describe, expect, it, vi } from 'vitest'

import { PENDING_RUNS_STORAGE_KEY } from '../../src/common/pending-run'
import { readySandbox } from './harness'
import { plan, startRun } from './run-fixtures'

// A run's task is kept in clientStorage while it runs, for recovery after a close. When
// storage refuses that write the run goes on, and the UI is told, so it can say a close
// would lose the run's images.

describe('keeping a sent task for recovery', () => {
  it('tells the UI when storage refuses to keep it, and only then', async () => {
    // clientStorage all but full: what the sandbox needs for the run itself still fits
    const filler = new Uint8Array(5_000_000 - 'filler'.length - 300)
    const full = await readySandbox({ clientStorage: { filler } })
    const source = full.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const run = plan({ referenceNodeIds: [source.id], prompt: 'dunes at dawn, '.repeat(40) })
    await startRun(full, run)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    full.send({ type: 'task-sent', runId: run.runId, taskUUID: 'task-1' })
    await full.settle()
    expect(await full.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toBeUndefined()
    expect(full.of('run-not-kept')).toEqual([{ type: 'run-not-kept', runId: run.runId }])
    expect(warn).toHaveBeenCalledWith('pending runs not saved:', expect.any(String))
    warn.mockRestore()

    const roomy = await readySandbox()
    const frame = roomy.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const kept = plan({ referenceNodeIds: [frame.id] })
    await startRun(roomy, kept)
    roomy.send({ type: 'task-sent', runId: kept.runId, taskUUID: 'task-2' })
    await roomy.settle()
    expect(await roomy.figma.clientStorage.getAsync(PENDING_RUNS_STORAGE_KEY)).toHaveLength(1)
    expect(roomy.of('run-not-kept')).toEqual([])
  })
})
