import { useState } from 'preact/hooks'

import { maskKey } from '../lib/format'
import type { KeyCheck } from '../state/key-check'
import { ApiKeyForm } from './api-key-form'
import { InlineConfirm } from './inline-confirm'
import { KeyCheckLine } from './key-check-line'

// The key in settings: shown masked with what Runware said of it when saved, replaceable, or
// forgotten on this computer once the designer has said yes.

export interface KeySettingsProps {
  apiKey: string | null
  check: KeyCheck
  onSave(key: string): Promise<boolean>
  onEdit(): void
  onForget(): void
}

export function KeySettings({ apiKey, check, onSave, onEdit, onForget }: KeySettingsProps) {
  const [replacing, setReplacing] = useState(false)
  const [forgetting, setForgetting] = useState(false)

  if (!apiKey || replacing) {
    return (
      <section class="section" aria-labelledby="key-title">
        <h2 id="key-title" class="section-title">
          Runware API key
        </h2>
        <ApiKeyForm
          submitLabel={apiKey ? 'Save new key' : 'Save key'}
          check={check}
          onEdit={onEdit}
          onSave={async (key) => {
            const saved = await onSave(key)
            if (saved) setReplacing(false)
            return saved
          }}
          onCancel={
            apiKey
              ? () => {
                  onEdit()
                  setReplacing(false)
                }
              : undefined
          }
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
      <KeyCheckLine check={check} />
      {forgetting ? (
        <InlineConfirm
          question="Forget this key? Nothing can be generated until a key is added again."
          action="Forget key"
          onConfirm={() => {
            setForgetting(false)
            onForget()
          }}
          onKeep={() => setForgetting(false)}
        />
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={() => {
              onEdit()
              setReplacing(true)
            }}
          >
            Replace key
          </button>
          <button type="button" class="button button-danger" onClick={() => setForgetting(true)}>
            Forget key
          </button>
        </div>
      )}
    </section>
  )
}
