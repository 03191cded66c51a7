import { MAX_REFERENCES } from '../../src/common/protocol'
import type { ReferenceItem, ReferenceSet } from '../references/reference-set'
import type { PinnedStyle, ReferenceImage } from '../state/app-state'
import { countOf } from '../state/selection-text'
import { ReferenceCard } from './reference-card'

// The references the next run sends, and the others listed to choose from, in canvas order:
// three fit across, more scroll sideways. The pinned board style comes first and takes one of
// the three places.

export interface ReferenceStripProps {
  references: ReferenceSet
  style: PinnedStyle | null
  images: ReadonlyMap<string, ReferenceImage>
  editor: 'figma' | 'figjam'
  onToggle(nodeId: string): void
  onPin(item: ReferenceItem): void
  onUnpin(): void
  /** The `@tag` of each reference the next run sends, by node id, and how to rename one. */
  tagOf: ReadonlyMap<string, string>
  onRenameTag(nodeId: string, tag: string): void
}

/** The line above the strip when not every listed node is used: how many, in words that fit what they are. */
export function choiceText(references: ReferenceSet, style: PinnedStyle | null, editor: 'figma' | 'figjam'): string | null {
  const { candidates, chosen } = references
  if (chosen.length === candidates.length) return null
  const room = MAX_REFERENCES - (style ? 1 : 0)
  return `${countOf(candidates.map((item) => item.kind), editor)}: ${chosen.length} used. Click one to swap (at most ${room}).`
}

export function ReferenceStrip({ references, style, images, editor, onToggle, onPin, onUnpin, tagOf, onRenameTag }: ReferenceStripProps) {
  const text = choiceText(references, style, editor)
  const styleItem = style?.item ?? null
  const tags = [...tagOf.values()]
  const tagProps = (nodeId: string) => ({ tag: tagOf.get(nodeId), tags, onRenameTag: (next: string) => onRenameTag(nodeId, next) })
  return (
    <>
      {text && <p class="hint">{text}</p>}
      {/* keyed by the style, so pinning one (it comes first) scrolls the strip back to show it */}
      <ul key={style?.style.nodeId} class="references" aria-label="References">
        {style && styleItem && (
          <ReferenceCard
            key="style"
            reference={styleItem}
            image={images.get(styleItem.nodeId)}
            chosen
            pinned
            action={{ label: 'Unpin', run: onUnpin }}
            {...tagProps(styleItem.nodeId)}
          />
        )}
        {references.candidates.map((item) => {
          const chosen = references.chosen.includes(item.nodeId)
          return (
            <ReferenceCard
              key={item.nodeId}
              reference={item}
              image={images.get(item.nodeId)}
              chosen={chosen}
              onToggle={() => onToggle(item.nodeId)}
              action={chosen && !style ? { label: 'Pin as style', run: () => onPin(item) } : undefined}
              {...tagProps(item.nodeId)}
            />
          )
        })}
      </ul>
    </>
  )
}
