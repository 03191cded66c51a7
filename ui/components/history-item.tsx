import { useState } from 'preact/hooks'

import type { HistoryEntry } from '../../src/common/history'
import { formatCost } from '../../src/common/cost'
import { sizeLabel } from '../lib/size-options'
import { InlineConfirm } from './inline-confirm'

// One past run: thumbnails, prompt, facts, and what can be done with it. Remove asks first:
// the run's record and cost line cannot be brought back.

export interface HistoryItemProps {
  entry: HistoryEntry
  thumbnails: string[]
  onReuse(): void
  onShow(): void
  onRemove(): void
}

function when(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  return date.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}

export function HistoryItem({ entry, thumbnails, onReuse, onShow, onRemove }: HistoryItemProps) {
  const [removing, setRemoving] = useState(false)
  const placed = entry.placed === entry.count ? `${entry.count}` : `${entry.placed} of ${entry.count}`
  return (
    <li class="history-item">
      {thumbnails.length > 0 && (
        <div class="history-thumbs" aria-hidden="true">
          {thumbnails.map((url) => (
            <img key={url} src={url} alt="" width={48} height={48} />
          ))}
        </div>
      )}
      <p class="record-prompt" title={entry.prompt}>
        {entry.prompt}
      </p>
      <p class="history-facts">
        <span>{sizeLabel(entry)}</span>
        <span>{placed} {entry.count === 1 ? 'image' : 'images'}</span>
        {entry.cost !== undefined && <span>{formatCost(entry.cost)}</span>}
        <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
      </p>
      {removing ? (
        <InlineConfirm
          question="Remove this run from History? Its images stay on the canvas."
          action="Remove"
          onConfirm={() => {
            setRemoving(false)
            onRemove()
          }}
          onKeep={() => setRemoving(false)}
        />
      ) : (
        <div class="actions">
          <button type="button" class="button" onClick={onReuse}>
            Reuse
          </button>
          <button type="button" class="button button-ghost" onClick={onShow}>
            Show on canvas
          </button>
          <button type="button" class="link-button" aria-label={`Remove from History: ${entry.prompt.slice(0, 60)}`} onClick={() => setRemoving(true)}>
            Remove
          </button>
        </div>
      )}
    </li>
  )
}
