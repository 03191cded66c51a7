import type { ReferenceMeta } from '../../src/common/protocol'
import type { ReferenceImage } from '../state/app-state'
import { ReferenceCard } from './reference-card'

// The 1–3 references of the current selection, in selection order (the first one decides the
// automatic size).

export interface ReferenceStripProps {
  references: readonly ReferenceMeta[]
  images: ReadonlyMap<string, ReferenceImage>
  /** Each reference's `@tag`, by position, and how to rename one. */
  tags?: readonly string[]
  onRenameTag?(nodeId: string, tag: string): void
}

export function ReferenceStrip({ references, images, tags, onRenameTag }: ReferenceStripProps) {
  return (
    <ul class="references" aria-label="References">
      {references.map((reference, i) => (
        <ReferenceCard
          key={reference.nodeId}
          reference={reference}
          image={images.get(reference.nodeId)}
          tag={tags?.[i]}
          tags={tags}
          onRenameTag={onRenameTag && ((next) => onRenameTag(reference.nodeId, next))}
        />
      ))}
    </ul>
  )
}
