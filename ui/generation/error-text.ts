import { hideSecret } from '../../src/common/secret'

// Errors as the designer sees them: `message` in plain words, `detail` with the raw code and
// wording for the "Details" disclosure. The key is scrubbed from both, whatever produced them.

export interface UiError {
  message: string
  detail?: string
}

function field(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined
  const found = (value as Record<string, unknown>)[key]
  return typeof found === 'string' && found !== '' ? found : undefined
}

// Engine errors (TypeError: Failed to fetch…) are not written for designers: their text goes
// to the details and a plain sentence takes its place.
const TECHNICAL_NAMES = new Set(['TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'DOMException', 'InvalidStateError'])

/** Any thrown value → UiError. RunwareError and BridgeError already carry human messages. */
export function describeError(error: unknown, apiKey?: string | null, fallback = 'Something went wrong'): UiError {
  if (typeof error === 'string') return { message: hideSecret(error, apiKey) }
  const message = field(error, 'message')
  const name = field(error, 'name')
  const detail = field(error, 'detail')
  const code = field(error, 'code')
  if (!message || (name && TECHNICAL_NAMES.has(name) && !detail)) {
    const raw = [name, message].filter(Boolean).join(': ')
    return raw ? { message: fallback, detail: hideSecret(raw, apiKey) } : { message: fallback }
  }
  const result: UiError = { message: hideSecret(message, apiKey) }
  const raw = code && detail && !detail.includes(code) ? `${code}: ${detail}` : (detail ?? code)
  if (raw && raw !== message) result.detail = hideSecret(raw, apiKey)
  return result
}

export function isAbort(error: unknown): boolean {
  return field(error, 'kind') === 'cancelled' || field(error, 'name') === 'AbortError'
}
