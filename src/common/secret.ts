// The API key as it is looked for in text both sides handle (prompts, errors, stored
// entries): as stored, trimmed, case kept. Text is also searched with its spaces and
// invisible characters taken out, so a key split by a line break or a zero-width space is
// still found. Anything shorter than a few characters is no key and matches nothing.

const MIN_SECRET_LENGTH = 4
const INVISIBLE = /[\s\u00ad\u200b-\u200d\u2060\ufeff]+/g

/** What stands where the key was, in the document and in the UI alike. */
export const KEY_MASK = '[api key]'

/** What the designer is told when a prompt holds the key; nothing was sent or stored. */
export const KEY_IN_PROMPT = 'Your prompt contains your API key. Remove it before generating — nothing was sent.'

function usable(secret: string | null | undefined): string | null {
  const trimmed = secret?.trim() ?? ''
  return trimmed.length >= MIN_SECRET_LENGTH ? trimmed : null
}

/** Whether `text` holds the key, even inside a longer word or split by spaces. */
export function containsSecret(text: string, secret: string | null | undefined): boolean {
  const key = usable(secret)
  if (!key) return false
  return text.includes(key) || text.replace(INVISIBLE, '').includes(key)
}

/**
 * `text` with every occurrence of the key replaced by `mask`; when the key is still there
 * split by spaces (so it cannot be cut out alone), the whole text becomes `mask`.
 */
export function hideSecret(text: string, secret: string | null | undefined, mask = KEY_MASK): string {
  const key = usable(secret)
  if (!key) return text
  const hidden = text.split(key).join(mask)
  return containsSecret(hidden, key) ? mask : hidden
}
