import { addToSpend, EMPTY_SPEND, HistoryEntrySchema, SpendSchema } from '../common/history'
import type { HistoryEntry, Spend } from '../common/history'
import { readEach } from '../common/read-each'
import { addEntry, boundHistory, HISTORY_LIMITS, type HistoryLimits } from '../history/bound-history'
import { HISTORY_STORAGE_KEY, OLD_HISTORY_KEYS } from '../common/storage-keys'

// Past runs and the spend total in figma.clientStorage (per user, per plugin), together under
// one versioned key, so a run is never counted in the total without being listed or the
// reverse. Entries that no longer parse are dropped one by one rather than losing the whole
// history; a total that no longer parses starts again from zero.

export interface StoredHistory {
  entries: HistoryEntry[]
  spend: Spend
}

export interface HistoryStore {
  read(): Promise<StoredHistory>
  /** Rejects when storage refuses even a trimmed history; the old one then stays. */
  add(entry: HistoryEntry): Promise<void>
  remove(id: string): Promise<void>
}

function partOf(stored: unknown, key: keyof StoredHistory): unknown {
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>)[key] : undefined
}

export function createHistoryStore(storage: ClientStorageAPI, limits: HistoryLimits = HISTORY_LIMITS): HistoryStore {
  // set while what is shown still comes from the two keys of an earlier version
  let fromOldKeys = false

  async function read(): Promise<StoredHistory> {
    try {
      let stored: unknown = await storage.getAsync(HISTORY_STORAGE_KEY)
      fromOldKeys = stored === undefined
      if (fromOldKeys) {
        const [entries, spend] = await Promise.all(OLD_HISTORY_KEYS.map((key) => storage.getAsync(key)))
        stored = { entries, spend }
      }
      const spend = SpendSchema.safeParse(partOf(stored, 'spend'))
      return {
        entries: boundHistory(readEach(HistoryEntrySchema, partOf(stored, 'entries')), limits),
        spend: spend.success ? spend.data : EMPTY_SPEND,
      }
    } catch (error) {
      console.warn('history could not be read:', error)
      return { entries: [], spend: EMPTY_SPEND }
    }
  }

  async function write({ entries, spend }: StoredHistory): Promise<void> {
    try {
      await storage.setAsync(HISTORY_STORAGE_KEY, { entries, spend })
    } catch (error) {
      // The budget is shared with other keys: try once more with half the runs.
      if (entries.length <= 1) throw error
      await storage.setAsync(HISTORY_STORAGE_KEY, { entries: entries.slice(0, Math.ceil(entries.length / 2)), spend })
    }
    if (!fromOldKeys) return
    fromOldKeys = false
    // Best effort: what they held is in the new key now, which is read first.
    await Promise.all(OLD_HISTORY_KEYS.map((key) => storage.deleteAsync(key))).catch(() => undefined)
  }

  return {
    read,
    async add(entry) {
      const { entries, spend } = await read()
      // Counted once per run, even if the UI sends the same run again.
      const known = entries.some((old) => old.id === entry.id)
      await write({ entries: addEntry(entries, entry, limits), spend: known ? spend : addToSpend(spend, entry) })
    },
    async remove(id) {
      const { entries, spend } = await read()
      await write({ entries: entries.filter((entry) => entry.id !== id), spend })
    },
  }
}
