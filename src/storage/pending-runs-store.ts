import { MAX_PENDING_RUNS, readPendingRuns, type PendingRun } from '../common/pending-run'
import type { RunPlan } from '../common/protocol'
import { reasonOf } from '../text'
import { PENDING_RUNS_STORAGE_KEY } from '../common/storage-keys'

// Runs whose task went to Runware, kept in figma.clientStorage under a
// versioned key until they end, so closing the plugin mid-run loses nothing retrievable.
// Written before the task is sent, not on close: the close callback must be synchronous and
// clientStorage is not. Storage failures are logged and never break a run; `add` says whether
// the entry was saved, so the designer can be told when a run cannot be recovered.
// Entries are keyed by taskUUID for placements, so a recovery's own placements count too.

export interface PendingRunsStore {
  list(): Promise<PendingRun[]>
  /** True once the entry is in storage. */
  add(taskUUID: string, plan: RunPlan, sectionId?: string): Promise<boolean>
  markPlaced(taskUUID: string, imageUUID: string, index?: number): Promise<void>
  removeRun(runId: string): Promise<void>
  removeTask(taskUUID: string): Promise<void>
}

export function createPendingRunsStore(storage: ClientStorageAPI, now: () => number = () => Date.now()): PendingRunsStore {
  async function read(): Promise<PendingRun[]> {
    try {
      return readPendingRuns(await storage.getAsync(PENDING_RUNS_STORAGE_KEY), now())
    } catch (error) {
      console.warn('pending runs could not be read:', reasonOf(error, 'storage refused'))
      return []
    }
  }

  async function write(runs: PendingRun[]): Promise<boolean> {
    try {
      if (runs.length === 0) await storage.deleteAsync(PENDING_RUNS_STORAGE_KEY)
      else await storage.setAsync(PENDING_RUNS_STORAGE_KEY, runs.slice(-MAX_PENDING_RUNS))
      return true
    } catch (error) {
      console.warn('pending runs not saved:', reasonOf(error, 'storage refused'))
      return false
    }
  }

  return {
    list: read,
    async add(taskUUID, plan, sectionId) {
      const runs = (await read()).filter((run) => run.taskUUID !== taskUUID && run.plan.runId !== plan.runId)
      return write([...runs, { taskUUID, plan, placedImageUUIDs: [], sentAt: now(), ...(sectionId ? { sectionId, placedIndices: [] } : {}) }])
    },
    async markPlaced(taskUUID, imageUUID, index) {
      const runs = await read()
      const run = runs.find((entry) => entry.taskUUID === taskUUID)
      if (!run || run.placedImageUUIDs.includes(imageUUID)) return
      run.placedImageUUIDs.push(imageUUID)
      if (index !== undefined) run.placedIndices?.push(index)
      await write(runs)
    },
    async removeRun(runId) {
      const runs = await read()
      const kept = runs.filter((run) => run.plan.runId !== runId)
      if (kept.length !== runs.length) await write(kept)
    },
    async removeTask(taskUUID) {
      const runs = await read()
      const kept = runs.filter((run) => run.taskUUID !== taskUUID)
      if (kept.length !== runs.length) await write(kept)
    },
  }
}
