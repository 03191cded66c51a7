import { useRef, useState } from 'preact/hooks'

import { MAX_PROMPT_LENGTH } from '../../src/common/protocol'
import { counterText, isPromptTooLong } from '../lib/prompt'
import { findMentions, insertTag, mentionAtCaret, tagOptions, unknownTagProblem } from '../lib/prompt-tags'

// The prompt, with a live count in the same units the API counts (UTF-16 code units).
// Ctrl+Enter (Cmd+Enter on a Mac) generates without leaving the keyboard. Typing `@` offers
// the references' tags; the tags the prompt uses are listed under it with the reference each
// names, and an `@word` naming none is flagged with the tags it could be.

export interface PromptFieldProps {
  value: string
  onInput(value: string): void
  onSubmit(): void
  /** The references' tags, by position, and their layer names (shown beside them). */
  tags?: readonly string[]
  names?: readonly string[]
}

interface Menu {
  start: number
  options: string[]
  active: number
}

export function PromptField({ value, onInput, onSubmit, tags = [], names = [] }: PromptFieldProps) {
  const over = isPromptTooLong(value)
  const area = useRef<HTMLTextAreaElement>(null)
  const [menu, setMenu] = useState<Menu | null>(null)
  const nameOf = (tag: string) => names[tags.indexOf(tag)]

  function follow(text: string, caret: number) {
    const mention = mentionAtCaret(text, caret)
    // a tag typed out in full needs no offer of itself
    const options = mention ? tagOptions(mention.query, tags).filter((tag) => tag !== mention.query) : []
    setMenu(mention && options.length > 0 ? { start: mention.start, options, active: 0 } : null)
  }

  function choose(tag: string) {
    const element = area.current
    if (!menu || !element) return
    const next = insertTag(value, menu.start, element.selectionStart, tag)
    // written here, so the caret lands right after the tag; the re-render then finds it done
    element.value = next.text
    element.setSelectionRange(next.caret, next.caret)
    setMenu(null)
    onInput(next.text)
  }

  function handleKeyDown(event: KeyboardEvent) {
    if (menu) {
      const count = menu.options.length
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : count - 1
        setMenu({ ...menu, active: (menu.active + step) % count })
        return
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault()
        choose(menu.options[menu.active]!)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        setMenu(null)
        return
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    }
  }

  // the @word being completed is not flagged while the list offers tags for it
  const unknown = unknownTagProblem(value, tags, menu?.start)
  const used = [...new Set(findMentions(value).map((mention) => mention.word))].filter((word) => tags.includes(word))
  const invalid = over || unknown !== null
  const describedBy = `prompt-counter${over ? ' prompt-error' : ''}${unknown ? ' prompt-tag-error' : ''}`
  const optionId = (i: number) => `prompt-tag-option-${i}`

  return (
    <div class="field">
      <div class="label-row">
        <label class="label" for="prompt">
          Prompt
        </label>
        <span id="prompt-counter" class={over ? 'counter counter-over' : 'counter'}>
          {counterText(value)}
        </span>
      </div>
      <textarea
        ref={area}
        id="prompt"
        class="textarea"
        rows={4}
        value={value}
        placeholder="Describe the image: mood, materials, light…"
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy}
        aria-autocomplete={tags.length > 0 ? 'list' : undefined}
        aria-controls={menu ? 'prompt-tag-options' : undefined}
        aria-activedescendant={menu ? optionId(menu.active) : undefined}
        onInput={(event) => {
          const element = event.currentTarget
          onInput(element.value)
          follow(element.value, element.selectionStart)
        }}
        onBlur={() => setMenu(null)}
        onKeyDown={handleKeyDown}
      />
      {menu && (
        // the prompt keeps the focus and points at the active option (aria-activedescendant);
        // a click chooses without taking the focus away
        <ul id="prompt-tag-options" class="tag-menu" role="listbox" aria-label="Reference tags">
          {menu.options.map((tag, i) => (
            <li
              key={tag}
              id={optionId(i)}
              role="option"
              aria-selected={i === menu.active ? 'true' : 'false'}
              class="tag-option"
              onMouseDown={(event) => {
                event.preventDefault()
                choose(tag)
              }}
            >
              <b>@{tag}</b> {nameOf(tag)}
            </li>
          ))}
        </ul>
      )}
      {over && (
        <p id="prompt-error" class="field-error">
          The prompt can be at most {MAX_PROMPT_LENGTH} characters. Shorten it by {value.length - MAX_PROMPT_LENGTH}.
        </p>
      )}
      {unknown && (
        <p id="prompt-tag-error" class="field-error">
          {unknown}
        </p>
      )}
      {used.length > 0 && (
        <ul class="prompt-tags" aria-label="Tags in the prompt">
          {used.map((tag) => (
            <li key={tag} class="prompt-tag">
              <b>@{tag}</b> {nameOf(tag)}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
