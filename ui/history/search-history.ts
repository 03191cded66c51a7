import type { HistoryEntry } from '../../src/common/history'

// Search by prompt text: every word typed must appear in the prompt, in any order and case.

export function searchHistory(entries: readonly HistoryEntry[], query: string): HistoryEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...entries]
  return entries.filter((entry) => {
    const prompt = entry.prompt.toLowerCase()
    return words.every((word) => prompt.includes(word))
  })
}
