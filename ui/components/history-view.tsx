import { useEffect, useMemo } from 'preact/hooks'

import type { HistoryEntry } from '../../src/common/history'
import type { App } from '../create-app'
import { totalText } from '../history/cost-text'
import { searchHistory } from '../history/search-history'
import type { ObjectUrls } from '../state/object-urls'
import { HistoryItem } from './history-item'

// Past runs, newest first, searchable by prompt text. Everything shown comes from storage
// the designer's own runs wrote, but prompts are still rendered only as text.

export interface HistoryViewProps {
  app: App
}

/** Object URLs for the thumbnails on screen, revoked when the list changes or closes. */
function useThumbnailUrls(entries: readonly HistoryEntry[], urls: ObjectUrls): Map<HistoryEntry, string[]> {
  const map = useMemo(() => new Map(entries.map((entry) => [entry, entry.thumbnails.map((bytes) => urls.create(bytes, 'image/jpeg'))])), [entries, urls])
  useEffect(() => () => map.forEach((list) => list.forEach((url) => urls.revoke(url))), [map, urls])
  return map
}

export function HistoryView({ app }: HistoryViewProps) {
  const { history, historyActions, objectUrls } = app
  const entries = history.entries.value
  const query = history.query.value
  const found = searchHistory(entries, query)
  const thumbnails = useThumbnailUrls(entries, objectUrls)
  const spend = history.spend.value

  return (
    <main class="view">
      <div class="field">
        <label class="label" for="history-search">
          Search prompts
        </label>
        <input
          id="history-search"
          class="input"
          type="search"
          value={query}
          placeholder="e.g. dunes"
          onInput={(event) => historyActions.setQuery(event.currentTarget.value)}
        />
      </div>
      {spend.images > 0 && <p class="hint">{totalText(spend.total, spend.images)}</p>}
      {history.notice.value && (
        <p class="history-notice" role="status">
          {history.notice.value}
        </p>
      )}
      {!history.loaded.value ? (
        <p class="hint">Loading History…</p>
      ) : entries.length === 0 ? (
        <p class="hint">No runs yet. Each run you make is listed here with its prompt, size and cost.</p>
      ) : found.length === 0 ? (
        <p class="hint">No run’s prompt contains “{query.trim()}”. Try fewer words.</p>
      ) : (
        <ul class="history-list" aria-label="Past runs">
          {found.map((entry) => (
            <HistoryItem
              key={entry.id}
              entry={entry}
              thumbnails={thumbnails.get(entry) ?? []}
              onReuse={() => historyActions.reuse(entry)}
              onShow={() => void historyActions.show(entry)}
              onRemove={() => historyActions.remove(entry)}
            />
          ))}
        </ul>
      )}
    </main>
  )
}
