import { useEffect, useRef, useState } from 'preact/hooks'

import { tagProblem } from '../lib/reference-tags'

// A reference's `@tag`, the name the prompt can call it by. Clicking it edits the tag in
// place, checked as the designer types; Enter or leaving the field keeps a valid tag, Escape
// (or an invalid tag on leaving) puts the old one back.

export interface TagChipProps {
  tag: string
  /** The tags of the other references, which this one may not repeat. */
  otherTags: readonly string[]
  onRename(tag: string): void
  /** Names what the tag belongs to in the button's label ("Sunset dunes"). */
  label?: string
}

let nextId = 0

export function TagChip({ tag, otherTags, onRename, label }: TagChipProps) {
  const [draft, setDraft] = useState<string | null>(null)
  const [id] = useState(() => `tag-error-${++nextId}`)
  const input = useRef<HTMLInputElement>(null)
  const editing = draft !== null
  // the field appears because the designer asked to rename: it takes the focus
  useEffect(() => {
    if (editing) input.current?.select()
  }, [editing])

  if (draft === null) {
    return (
      <button
        type="button"
        class="tag-chip"
        title="Rename the tag the prompt uses for this reference"
        aria-label={`Tag @${tag}${label ? ` for ${label}` : ''}. Rename`}
        onClick={() => setDraft(tag)}
      >
        @{tag}
      </button>
    )
  }

  const problem = tagProblem(draft, otherTags)
  const finish = (keep: boolean) => {
    if (keep && problem === null && draft !== tag) onRename(draft)
    setDraft(null)
  }
  return (
    <span class="tag-edit">
      <span class="tag-edit-row">
        <span class="tag-at" aria-hidden="true">
          @
        </span>
        <input
          class="input tag-input"
          value={draft}
          maxLength={30}
          spellcheck={false}
          autocomplete="off"
          aria-label={`Tag${label ? ` for ${label}` : ''}`}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby={problem ? id : undefined}
          ref={input}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              finish(true)
            } else if (event.key === 'Escape') {
              event.preventDefault()
              event.stopPropagation()
              finish(false)
            }
          }}
          onBlur={() => finish(true)}
        />
      </span>
      {problem && (
        <span id={id} class="tag-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  )
}
