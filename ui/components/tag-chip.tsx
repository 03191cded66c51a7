import { useState } from 'preact/hooks'

import { tagProblem } from '../lib/reference-tags'

// A reference's `@tag`, the name the prompt can call it by, editable in place and checked as
// the designer types: Enter or leaving the field keeps a valid tag, Escape (or leaving it
// invalid) puts the old one back.

export interface TagChipProps {
  tag: string
  /** The tags of the other references, which this one may not repeat. */
  otherTags: readonly string[]
  onRename(tag: string): void
  /** What the tag names, for its accessible name ("Tag for Sunset dunes"). */
  label: string
}

export function TagChip({ tag, otherTags, onRename, label }: TagChipProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const value = draft ?? tag
  const problem = draft === null ? null : tagProblem(draft, otherTags)
  const finish = (keep: boolean) => {
    if (keep && problem === null && draft !== null && draft !== tag) onRename(draft)
    setDraft(null)
  }
  return (
    <>
      <label class="tag-chip">
        @
        <input
          class="tag-input"
          value={value}
          size={value.length + 1}
          spellcheck={false}
          aria-label={`Tag for ${label}`}
          aria-invalid={problem ? 'true' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              finish(event.key === 'Enter')
            }
          }}
          onBlur={() => finish(true)}
        />
      </label>
      {problem && (
        // announced as it changes, so the designer hears what to fix while typing
        <span class="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  )
}
