import { MAX_RESULTS } from '../../src/common/protocol/limits'

// The number of results is 1–20 (the model's numberResults range). Out-of-range input is
// clamped and explained rather than silently changed.

export interface ClampedCount {
  value: number
  /** Set when the input was changed, to say why. */
  note: string | null
}

export function clampCount(raw: number): ClampedCount {
  if (!Number.isFinite(raw)) return { value: 1, note: 'Enter a number from 1 to 20' }
  const rounded = Math.round(raw)
  if (rounded > MAX_RESULTS) return { value: MAX_RESULTS, note: `At most ${MAX_RESULTS} results per run` }
  if (rounded < 1) return { value: 1, note: 'At least 1 result' }
  if (rounded !== raw) return { value: rounded, note: 'Whole numbers only' }
  return { value: rounded, note: null }
}
