import type { ReferenceMeta } from '../../src/common/protocol'
import { referenceWarnings, WARNING_TEXT } from '../image/reference-limits'
import { pixelSize } from '../lib/format'
import type { ReferenceImage } from '../state/app-state'
import { TagChip } from './tag-chip'

// One selected frame as it will be sent: thumbnail, name, pixel size, and what the plugin
// will do to it before sending (pad, re-encode), so nothing happens behind the designer's back.

export interface ReferenceCardProps {
  reference: ReferenceMeta
  image?: ReferenceImage
  /** The reference's `@tag`, among the tags of all references (which it may not repeat). */
  tag?: string
  tags?: readonly string[]
  onRenameTag?(tag: string): void
}

export function ReferenceCard({ reference, image, tag, tags = [], onRenameTag }: ReferenceCardProps) {
  const warnings = referenceWarnings(reference.pixelWidth, reference.pixelHeight, image?.bytes.length)
  return (
    <li class="reference">
      <div class="thumb">
        {image ? (
          // the name is written right below: an alt text would only say it twice
          <img src={image.url} alt="" />
        ) : (
          <span class="thumb-loading" aria-hidden="true">
            …
          </span>
        )}
      </div>
      <span class="reference-name" title={reference.name}>
        {reference.name}
      </span>
      {tag && onRenameTag && (
        <TagChip tag={tag} otherTags={tags.filter((other) => other !== tag)} onRename={onRenameTag} label={reference.name} />
      )}
      <span class="reference-size">{pixelSize(reference.pixelWidth, reference.pixelHeight)}</span>
      {warnings.map((warning) => (
        <p key={warning} class="warning">
          {WARNING_TEXT[warning]}
        </p>
      ))}
    </li>
  )
}
