import { useState } from 'preact/hooks'

import { maskKey } from '../lib/format'
import { ApiKeyForm } from './api-key-form'

// The key in settings: shown masked, replaceable, or forgotten on this computer.

export interface KeySettingsProps {
  apiKey: string | null
  onSave(key: string): string | null
  onForget(): void
}

export function KeySettings({ apiKey, onSave, onForget }: KeySettingsProps) {
  const [replacing, setReplacing] = useState(false)

  if (!apiKey || replacing) {
    return (
      <section class="section" aria-labelledby="key-title">
        <h2 id="key-title" class="section-title">
          Runware API key
        </h2>
        <ApiKeyForm
          submitLabel={apiKey ? 'Save new key' : 'Save key'}
          onSave={(key) => {
            const problem = onSave(key)
            if (problem === null) setReplacing(false)
            return problem
          }}
          onCancel={apiKey ? () => setReplacing(false) : undefined}
        />
      </section>
    )
  }

  return (
    <section class="section" aria-labelledby="key-title">
      <h2 id="key-title" class="section-title">
        Runware API key
      </h2>
      <p class="hint">
        Saved on this computer: <span aria-label="API key, hidden">{maskKey(apiKey)}</span>
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={() => setReplacing(true)}>
          Replace key
        </button>
        <button type="button" class="button button-danger" onClick={onForget}>
          Forget key
        </button>
      </div>
    </section>
  )
}
