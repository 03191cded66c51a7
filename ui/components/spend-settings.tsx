import { useState } from 'preact/hooks'

import { MAX_RESULTS } from '../../src/common/protocol/limits'

// How many images a run may make before it asks to confirm. Kept as typed until the field is
// left, then saved within 1–20 (20: never ask).

export interface SpendSettingsProps {
  confirmAbove: number
  onChange(count: number): void
}

export function SpendSettings({ confirmAbove, onChange }: SpendSettingsProps) {
  const [draft, setDraft] = useState<string | null>(null)
  return (
    <section class="section" aria-labelledby="spend-title">
      <h2 id="spend-title" class="section-title">
        Spending
      </h2>
      <div class="field">
        <label class="label" for="confirm-above">
          Ask before runs of more than
        </label>
        <div class="field-row">
          <input
            id="confirm-above"
            class="input input-number"
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_RESULTS}
            step={1}
            value={draft ?? String(confirmAbove)}
            aria-describedby="confirm-above-help"
            onInput={(event) => setDraft(event.currentTarget.value)}
            onChange={(event) => {
              setDraft(null)
              const value = event.currentTarget.value.trim()
              if (value !== '') onChange(Number(value))
            }}
          />
          <span class="hint">images</span>
        </div>
        <p id="confirm-above-help" class="hint">
          Larger runs show their estimate and wait for Confirm. {MAX_RESULTS} means never ask.
        </p>
      </div>
    </section>
  )
}
