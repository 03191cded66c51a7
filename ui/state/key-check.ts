import type { KeyCheckOutcome } from '../runware'

// Where saving a key stands, as named phases, and what the panel says for each. A key Runware
// refused is not saved: it stays in the field to be corrected, since saving it would only
// move the same refusal to the next Generate. A key that could not be checked (no network,
// Runware down) is saved, as it may well be right; the next run checks it again.

export type KeyCheck =
  | { phase: 'idle' }
  /** Not sent: it cannot be a key (empty, spaces, far too long). */
  | { phase: 'malformed'; message: string }
  | { phase: 'checking' }
  | ({ phase: 'done' } & KeyCheckOutcome)

export const KEY_IDLE: KeyCheck = { phase: 'idle' }

export interface KeyCheckText {
  text: string
  tone: 'progress' | 'ok' | 'warning' | 'error'
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

export function keyCheckText(check: KeyCheck): KeyCheckText | null {
  if (check.phase === 'idle') return null
  if (check.phase === 'malformed') return { text: check.message, tone: 'error' }
  if (check.phase === 'checking') return { text: 'Checking the key with Runware…', tone: 'progress' }
  if (check.kind === 'connected') return { text: 'Connected to Runware', tone: 'ok' }
  if (check.kind === 'refused') return { text: `Runware refused this key: ${sentence(check.message)} It was not saved.`, tone: 'error' }
  return {
    text: `Runware could not be reached: ${sentence(check.detail)} The key was saved; it will be checked again when you generate.`,
    tone: 'warning',
  }
}

/** Whether the key now stands saved. */
export function keySaved(check: KeyCheck): boolean {
  return check.phase === 'done' && check.kind !== 'refused'
}

/** Where a key format problem would be said, null when it looks like a key. */
export function keyFormatProblem(key: string): string | null {
  if (key === '') return 'Paste your Runware API key first'
  if (key.length > 500 || /\s/.test(key)) return 'That does not look like a Runware API key'
  return null
}
