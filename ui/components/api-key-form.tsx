import { useState } from 'preact/hooks'

// Where the designer pastes their Runware key. Masked by default (screens get shared), with
// a toggle to check what was pasted. The key goes to the sandbox, which keeps it in
// figma.clientStorage: never in the document, where every collaborator could read it.

export interface ApiKeyFormProps {
  /** Returns a problem to show, or null when the key was accepted. */
  onSave(key: string): string | null
  submitLabel?: string
  onCancel?: () => void
}

export function ApiKeyForm({ onSave, submitLabel = 'Save key', onCancel }: ApiKeyFormProps) {
  const [key, setKey] = useState('')
  const [visible, setVisible] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  // Saved on click and on Enter, not through <form> submission: a sandboxed plugin iframe
  // without 'allow-forms' blocks submit events outright (seen in Chromium), so a form would
  // silently do nothing.
  function save() {
    const result = onSave(key)
    setProblem(result)
    if (result === null) setKey('')
  }

  return (
    <div class="field">
      <label class="label" for="api-key">
        API key
      </label>
      <div class="field-row">
        <input
          id="api-key"
          class="input"
          type={visible ? 'text' : 'password'}
          autoComplete="off"
          spellcheck={false}
          value={key}
          aria-invalid={problem ? 'true' : undefined}
          aria-describedby="api-key-help"
          onInput={(event) => setKey(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault()
              save()
            }
          }}
        />
        <button
          type="button"
          class="button"
          aria-pressed={visible}
          aria-controls="api-key"
          onClick={() => setVisible(!visible)}
        >
          {visible ? 'Hide' : 'Show'}
        </button>
      </div>
      <p id="api-key-help" class="hint">
        Create a key at{' '}
        <a href="https://my.runware.ai" target="_blank" rel="noopener noreferrer">
          my.runware.ai
        </a>
        . It is stored on this computer only, not in the file.
      </p>
      {problem && (
        <p class="field-error" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" class="button button-primary" onClick={save}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="button" onClick={onCancel}>
            Keep current key
          </button>
        )}
      </div>
    </div>
  )
}
