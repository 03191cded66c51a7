// The tags offered while an `@` is typed in the prompt. The prompt keeps the focus (it
// points at the active option with aria-activedescendant); a click chooses without taking it.

export interface TagMenuProps {
  id: string
  optionId(index: number): string
  options: readonly { tag: string; name: string }[]
  active: number
  onChoose(tag: string): void
}

export function TagMenu({ id, optionId, options, active, onChoose }: TagMenuProps) {
  return (
    <ul id={id} class="tag-menu" role="listbox" aria-label="Reference tags">
      {options.map((option, i) => (
        <li
          key={option.tag}
          id={optionId(i)}
          role="option"
          aria-selected={i === active ? 'true' : 'false'}
          class={i === active ? 'tag-option tag-option-active' : 'tag-option'}
          onMouseDown={(event) => {
            event.preventDefault()
            onChoose(option.tag)
          }}
        >
          <span class="tag-option-tag">@{option.tag}</span>
          <span class="tag-option-name">{option.name}</span>
        </li>
      ))}
    </ul>
  )
}
