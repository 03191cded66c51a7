import { PendingRunSchema, type PendingRun } from './protocol/run-plan'
import { readEach } from './read-each'

// A run whose task was sent to Runware but whose results were not all placed yet. The sandbox
// keeps these in clientStorage from the moment the task is sent until the run ends, so a run
// cut short by closing the plugin can be recovered on the next launch by its taskUUID
// (getResponse), instead of being lost while Runware bills for it.

/** Bounded: clientStorage is 5 MB shared with everything else. */
export const MAX_PENDING_RUNS = 20
/** How long getResponse keeps results is undocumented; entries older than a day are dropped. */
export const PENDING_RUN_MAX_AGE_MS = 24 * 60 * 60 * 1000

export { PendingRunSchema, type PendingRun }

/** Stored data that no longer parses is dropped entry by entry, never as a whole. */
export function readPendingRuns(stored: unknown, now: number): PendingRun[] {
  return readEach(PendingRunSchema, stored)
    .filter((run) => now - run.sentAt <= PENDING_RUN_MAX_AGE_MS)
    .slice(-MAX_PENDING_RUNS)
}
