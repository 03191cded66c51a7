import type { ReferenceMeta } from '../../src/common/protocol'
import type { ReferenceImage } from '../state/app-state'
import { ReferenceCard } from './reference-card'

// The 1–3 references of the current selection, in selection order (the first one decides the
// automatic size).

export interface ReferenceStripProps {
  references: readonly ReferenceMeta[]
  images: ReadonlyMap<string, ReferenceImage>
}

export function ReferenceStrip({ references, images }: ReferenceStripProps) {
  return (
    <ul class="references" aria-label="References">
      {references.map((reference) => (
        <ReferenceCard key={reference.nodeId} reference={reference} image={images.get(reference.nodeId)} />
      ))}
    </ul>
  )
}
