import type { GenerationRecord } from '../../src/common/generation-record'
import { formatCost } from '../../src/common/cost'
import { sizeLabel } from '../lib/size-options'

// When a generated image is selected on the canvas: what made it, and a one-click way to
// start the next iteration from it.

export interface RecordCardProps {
  record: GenerationRecord
  onUse(): void
  onSelectReferences(): void
  /** Another run from this image alone (absent when the node is not known). */
  onMoreLikeThis?(): void
}

export function RecordCard({ record, onUse, onSelectReferences, onMoreLikeThis }: RecordCardProps) {
  return (
    <section class="card" aria-labelledby="record-title">
      <p id="record-title" class="card-title">
        Selected image
      </p>
      <p class="record-prompt" title={record.prompt}>
        {record.prompt}
      </p>
      <dl class="record-facts">
        <dt>Size</dt>
        <dd>{sizeLabel(record)}</dd>
        {record.seed !== undefined && (
          <>
            <dt>Seed</dt>
            <dd>{record.seed}</dd>
          </>
        )}
        {record.cost !== undefined && (
          <>
            <dt>Cost</dt>
            <dd>{formatCost(record.cost)}</dd>
          </>
        )}
      </dl>
      <div class="actions">
        {onMoreLikeThis && (
          <button type="button" class="button" onClick={onMoreLikeThis}>
            More like this
          </button>
        )}
        <button type="button" class="button" onClick={onUse}>
          Use this prompt
        </button>
        {record.referenceNodeIds.length > 0 && (
          <button type="button" class="button button-ghost" onClick={onSelectReferences}>
            Select references
          </button>
        )}
      </div>
    </section>
  )
}
