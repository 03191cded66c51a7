import type { ReferenceMeta } from '../../src/common/protocol'
import { referenceWarnings, WARNING_TEXT } from '../image/reference-limits'
import { pixelSize } from '../lib/format'
import type { ReferenceImage } from '../state/app-state'
import { TagChip } from './tag-chip'

// One reference as it will be sent: thumbnail, name, pixel size, and what the plugin will do
// to it before sending (pad, re-encode), so nothing happens behind the designer's back. A
// listed node that is not chosen shows dimmed; clicking the card (or Space/Enter on it)
// chooses or unchooses it. The thumbnail's lower left corner is kept free for a tag chip.

export interface ReferenceCardProps {
  /** With an imageUUID: a deleted layer sent as its earlier upload (no pixels here to show). */
  reference: ReferenceMeta & { imageUUID?: string }
  image?: ReferenceImage
  chosen: boolean
  /** Absent for the pinned style, which is not chosen by clicking. */
  onToggle?(): void
  /** "Pin as style" (chosen cards) or "Unpin" (the style). */
  action?: { label: string; run(): void }
  pinned?: boolean
  /** A sent reference's `@tag`, among the tags of all sent references (which it may not repeat). */
  tag?: string
  tags?: readonly string[]
  onRenameTag?(tag: string): void
}

export function ReferenceCard({ reference, image, chosen, onToggle, action, pinned, tag, tags = [], onRenameTag }: ReferenceCardProps) {
  const remote = reference.imageUUID !== undefined
  const warnings = chosen && !remote ? referenceWarnings(reference.pixelWidth, reference.pixelHeight, image?.bytes.length) : []
  const body = (
    <>
      <span class="thumb">
        {image ? (
          // the name is written right below: an alt text would only say it twice
          <img src={image.url} alt="" />
        ) : (
          <span class="thumb-loading" aria-hidden="true">
            …
          </span>
        )}
        {pinned && <span class="reference-badge">Style</span>}
        {/* the lower left corner is kept for the reference's tag chip */}
      </span>
      <span class="reference-name" title={reference.name}>
        {reference.name}
      </span>
      {!remote && <span class="reference-size">{pixelSize(reference.pixelWidth, reference.pixelHeight)}</span>}
    </>
  )
  return (
    <li class={`reference${chosen ? ' reference-chosen' : ''}${pinned ? ' reference-pinned' : ''}`}>
      {onToggle ? (
        <button
          type="button"
          class="reference-toggle"
          // pressed: used as a reference
          aria-pressed={chosen}
          onClick={onToggle}
        >
          {body}
        </button>
      ) : (
        body
      )}
      {/* outside the toggle: a field cannot sit inside a button */}
      {tag && onRenameTag && (
        <TagChip tag={tag} otherTags={tags.filter((other) => other !== tag)} onRename={onRenameTag} label={reference.name} />
      )}
      {action && (
        <button type="button" class="link-button" onClick={action.run}>
          {action.label}
        </button>
      )}
      {warnings.map((warning) => (
        <p key={warning} class="warning">
          {WARNING_TEXT[warning]}
        </p>
      ))}
    </li>
  )
}
