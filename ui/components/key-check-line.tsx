import { keyCheckText, type KeyCheck } from '../state/key-check'

// What Runware said about the key just saved: checking, connected, refused, or unreachable.
// A refusal is an alert (the key was not saved); the rest are spoken politely.

export function KeyCheckLine({ check, id }: { check: KeyCheck; id?: string }) {
  const said = keyCheckText(check)
  if (!said) return null
  const className = said.tone === 'error' ? 'field-error' : `hint key-check key-check-${said.tone}`
  return (
    <p id={id} class={className} role={said.tone === 'error' ? 'alert' : 'status'}>
      {said.text}
    </p>
  )
}
