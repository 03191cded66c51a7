import { MAX_PROMPT_LENGTH } from '../../src/common/protocol'
import { counterText, isPromptTooLong } from '../lib/prompt'

// The prompt, with a live count in the same units the API counts (UTF-16 code units).
// Ctrl+Enter (Cmd+Enter on a Mac) generates without leaving the keyboard.

export interface PromptFieldProps {
  value: string
  onInput(value: string): void
  onSubmit(): void
}

export function PromptField({ value, onInput, onSubmit }: PromptFieldProps) {
  const over = isPromptTooLong(value)

  function handleKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      onSubmit()
    }
  }

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
        id="prompt"
        class="textarea"
        rows={4}
        value={value}
        placeholder="Describe the image: mood, materials, light…"
        aria-invalid={over ? 'true' : undefined}
        aria-describedby={over ? 'prompt-counter prompt-error' : 'prompt-counter'}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={handleKeyDown}
      />
      {over && (
        <p id="prompt-error" class="field-error">
          The prompt can be at most {MAX_PROMPT_LENGTH} characters. Shorten it by {value.length - MAX_PROMPT_LENGTH}.
        </p>
      )}
    </div>
  )
}
