import { useState } from 'preact/hooks'

import { MAX_RESULTS } from '../../src/common/protocol/limits'

// How many images one run makes, 1–20. What is typed is kept as typed until the field is
// left (or Enter pressed), then clamped with a word about why, so typing "12" never flashes
// through a clamp at "1". Until the saved count is known (null) the field is blank and
// disabled.

export interface CountFieldProps {
  value: number | null
  note: string | null
  onChange(value: number): void
}

export function CountField({ value, note, onChange }: CountFieldProps) {
  const [draft, setDraft] = useState<string | null>(null)

  function commit(text: string) {
    setDraft(null)
    onChange(text.trim() === '' ? Number.NaN : Number(text))
  }

  return (
    <div class="field">
      <label class="label" for="count">
        Number of results
      </label>
      <div class="stepper">
        <button
          type="button"
          class="button button-icon"
          aria-label="Fewer results"
          disabled={value === null || value <= 1}
          onClick={() => value !== null && onChange(value - 1)}
        >
          −
        </button>
        <input
          id="count"
          class="input input-number"
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_RESULTS}
          step={1}
          value={draft ?? (value === null ? '' : String(value))}
          disabled={value === null}
          aria-describedby={note ? 'count-note' : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onChange={(event) => commit(event.currentTarget.value)}
        />
        <button
          type="button"
          class="button button-icon"
          aria-label="More results"
          disabled={value === null || value >= MAX_RESULTS}
          onClick={() => value !== null && onChange(value + 1)}
        >
          +
        </button>
      </div>
      {note && (
        <p id="count-note" class="hint">
          {note}
        </p>
      )}
    </div>
  )
}
