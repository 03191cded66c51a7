import { useState } from 'preact/hooks'

import { keyCheckText, type KeyCheck } from '../state/key-check'
import { KeyCheckLine } from './key-check-line'

// Where the designer pastes their Runware key. Masked by default (screens get shared), with
// a toggle to check what was pasted. The key goes to the sandbox, which keeps it in
// figma.clientStorage: never in the document, where every collaborator could read it.
// Saving checks the key with Runware first; while that runs the field is read-only, and what
// Runware said stays under the field until the key is edited.

export interface ApiKeyFormProps {
  /** Checks and saves the key; resolves to whether it was saved. */
  onSave(key: string): Promise<boolean>
  onEdit(): void
  check: KeyCheck
  submitLabel?: string
  onCancel?: () => void
}

export function ApiKeyForm({ onSave, onEdit, check, submitLabel = 'Save key', onCancel }: ApiKeyFormProps) {
  const [key, setKey] = useState('')
  const [visible, setVisible] = useState(false)
  const checking = check.phase === 'checking'
  const said = keyCheckText(check)
  const invalid = said?.tone === 'error'

  // Saved on click and on Enter, not through <form> submission: a sandboxed plugin iframe
  // without 'allow-forms' blocks submit events outright (seen in Chromium), so a form would
  // silently do nothing.
  function save() {
    if (checking) return
    void onSave(key).then((saved) => {
      if (saved) setKey('')
    })
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
          readOnly={checking}
          aria-invalid={invalid ? 'true' : undefined}
          aria-describedby={said ? 'api-key-help api-key-check' : 'api-key-help'}
          onInput={(event) => {
            setKey(event.currentTarget.value)
            onEdit()
          }}
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
      <KeyCheckLine check={check} id="api-key-check" />
      <div class="actions">
        <button type="button" class="button button-primary" disabled={checking} onClick={save}>
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
