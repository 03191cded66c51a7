import { addToSpend, EMPTY_SPEND, HISTORY_STORAGE_KEY, HistoryEntrySchema, SPEND_STORAGE_KEY, SpendSchema } from '../common/history'
import type { HistoryEntry, Spend } from '../common/history'
import { readEach } from '../common/read-each'
import { addEntry, boundHistory, HISTORY_LIMITS, type HistoryLimits } from '../history/bound-history'

// Past runs and the spend total in figma.clientStorage (figma-platform.md §5), each under
// its own versioned key. Entries that no longer parse are dropped one by one rather than
// losing the whole history.

export interface HistoryStore {
  list(): Promise<HistoryEntry[]>
  spend(): Promise<Spend>
  /** Rejects when storage refuses even a trimmed history; the old one then stays. */
  add(entry: HistoryEntry): Promise<void>
  remove(id: string): Promise<void>
}

export function createHistoryStore(storage: ClientStorageAPI, limits: HistoryLimits = HISTORY_LIMITS): HistoryStore {
  async function list(): Promise<HistoryEntry[]> {
    try {
      return boundHistory(readEach(HistoryEntrySchema, await storage.getAsync(HISTORY_STORAGE_KEY)), limits)
    } catch (error) {
      console.warn('history could not be read:', error)
      return []
    }
  }

  async function spend(): Promise<Spend> {
    try {
      const parsed = SpendSchema.safeParse(await storage.getAsync(SPEND_STORAGE_KEY))
      return parsed.success ? parsed.data : EMPTY_SPEND
    } catch {
      return EMPTY_SPEND
    }
  }

  async function write(entries: HistoryEntry[]): Promise<void> {
    try {
      await storage.setAsync(HISTORY_STORAGE_KEY, entries)
    } catch (error) {
      // The budget is shared with other keys: try once more with half the runs.
      if (entries.length <= 1) throw error
      await storage.setAsync(HISTORY_STORAGE_KEY, entries.slice(0, Math.ceil(entries.length / 2)))
    }
  }

  return {
    list,
    spend,
    async add(entry) {
      const existing = await list()
      const known = existing.some((old) => old.id === entry.id)
      await write(addEntry(existing, entry, limits))
      // Counted once per run, even if the UI sends the same run again.
      if (!known) await storage.setAsync(SPEND_STORAGE_KEY, addToSpend(await spend(), entry))
    },
    async remove(id) {
      const existing = await list()
      await write(existing.filter((entry) => entry.id !== id))
    },
  }
}
