import { signal } from '../lib/signals'

import { EMPTY_SPEND, type HistoryEntry, type Spend } from '../../src/common/history'

// What the History view and the cost lines show. The sandbox owns the stored history and
// the spend total; these signals mirror its latest `history` message.

export interface RunCost {
  runId: string
  total: number
  images: number
}

export function createHistoryState() {
  return {
    entries: signal<HistoryEntry[]>([]),
    spend: signal<Spend>(EMPTY_SPEND),
    /** The first `history` message arrived. */
    loaded: signal(false),
    query: signal(''),
    /** The cost of the latest run, when Runware reported it. */
    lastRun: signal<RunCost | null>(null),
    /** A word about the last History action, e.g. that a run's images are gone. */
    notice: signal<string | null>(null),
  }
}

export type HistoryState = ReturnType<typeof createHistoryState>
