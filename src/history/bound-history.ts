import type { HistoryEntry } from '../common/history'

// History must never outgrow clientStorage (5 MB per plugin, shared with the settings and the
// key). It is bounded by count AND by bytes, newest first, evicting the
// oldest runs. Pure, so the bounds are tested without Figma.

export const HISTORY_LIMITS = {
  maxEntries: 60,
  /** Well under the 5 MB budget: settings and the key need room too. */
  maxBytes: 600_000,
} as const

export interface HistoryLimits {
  maxEntries: number
  maxBytes: number
}

/** About what clientStorage charges for an entry: its JSON plus the raw thumbnail bytes. */
export function entryBytes(entry: HistoryEntry): number {
  const { thumbnails, ...rest } = entry
  const text = JSON.stringify(rest)
  // UTF-16 text may take up to 3 bytes a unit in UTF-8; counting high keeps the bound honest.
  let bytes = 0
  for (let i = 0; i < text.length; i += 1) bytes += text.charCodeAt(i) < 0x80 ? 1 : 3
  return bytes + thumbnails.reduce((sum, thumb) => sum + thumb.length + 16, 0)
}

/** Newest first, without duplicates by id, cut to the limits. */
export function boundHistory(entries: readonly HistoryEntry[], limits: HistoryLimits = HISTORY_LIMITS): HistoryEntry[] {
  const seen = new Set<string>()
  const kept: HistoryEntry[] = []
  let bytes = 2
  for (const entry of entries) {
    if (seen.has(entry.id)) continue
    seen.add(entry.id)
    const size = entryBytes(entry) + 1
    if (kept.length >= limits.maxEntries || bytes + size > limits.maxBytes) break
    kept.push(entry)
    bytes += size
  }
  return kept
}

/** The new entry goes first; one with the same id replaces the old. */
export function addEntry(entries: readonly HistoryEntry[], entry: HistoryEntry, limits: HistoryLimits = HISTORY_LIMITS): HistoryEntry[] {
  return boundHistory([entry, ...entries.filter((old) => old.id !== entry.id)], limits)
}
