import { KIND_MESSAGES, RunwareError, type ErrorKind } from './errors'
import type { ApiError } from './response-schema'

// Maps what Runware answered (HTTP status, error code, message, parameter) to one ErrorKind
// and a sentence a designer can act on. Codes vary between models and providers
// (Runware says so), so codes are matched first by exact name, then by the naming patterns
// Runware's SDK uses, and the HTTP status decides only when the code says nothing.

export interface ErrorFacts {
  status?: number
  code?: string
  message?: string
  parameter?: string | readonly string[]
  taskUUID?: string
}

// The moderation codes Runware's official SDK recognises.
const MODERATION_CODES = new Set([
  'contentPolicyViolation',
  'providerContentPolicyViolation',
  'sensitiveContentDetected',
  'unsafeContentDetected',
  'nsfwContentDetected',
  'promptBlocked',
  'imageBlocked',
  'moderationFailed',
])

const AUTH_CODES = new Set(['invalidApiKey', 'missingApiKey', 'unauthorized', 'forbidden', 'accessDenied'])

// `timeoutProvider` is the confirmed code; a queue timeout (HTTP 504) is
// "busy", not "slow model", so only these name a timeout.
const TIMEOUT_CODES = new Set(['timeoutProvider', 'providerTimeout', 'requestTimeout', 'timeout'])

// Provider and server failures Runware's SDK treats as retryable on Runware's side.
const SERVER_CODES = new Set([
  'inferenceError',
  'processingFailed',
  'taskFailed',
  'uploadFailed',
  'noAvailableServer',
  'modelUnavailable',
  'modelNotReady',
  'internalServerError',
  'unknownError',
])

const FIELD_LABELS: Record<string, string> = {
  positivePrompt: 'prompt',
  width: 'size',
  height: 'size',
  'inputs.referenceImages': 'reference images',
  referenceImages: 'reference images',
  numberResults: 'number of results',
  outputType: 'output type',
  outputFormat: 'output format',
  outputQuality: 'output quality',
  webhookURL: 'webhook URL',
  uploadEndpoint: 'upload endpoint',
  ttl: 'time to live',
  model: 'model',
}

export function kindFromCode(code: string): ErrorKind | undefined {
  if (AUTH_CODES.has(code)) return 'auth'
  if (MODERATION_CODES.has(code)) return 'moderation'
  if (/credit|quota|balance/i.test(code) || code === 'paymentRequired') return 'credits'
  if (/ratelimit/i.test(code) || ['serviceUnavailable', 'queueFull', 'timeoutQueue'].includes(code)) return 'rateLimit'
  if (TIMEOUT_CODES.has(code)) return 'timeout'
  if (code === 'downloadFailed') return 'server'
  if (/^(invalid|missing|unsupported|max|min|conflict|unknownModel)/.test(code)) return 'validation'
  if (SERVER_CODES.has(code) || /failed$/i.test(code)) return 'server'
  return undefined
}

export function kindFromStatus(status: number): ErrorKind | undefined {
  if (status === 401 || status === 403) return 'auth'
  if (status === 402) return 'credits'
  if (status === 429 || status === 503 || status === 504) return 'rateLimit'
  if (status === 408) return 'timeout'
  if (status >= 500) return 'server'
  if (status >= 400) return 'validation'
  return undefined
}

/** `invalidPositivePrompt` → `positivePrompt`, when Runware gave no `parameter`. */
function fieldFromCode(code: string | undefined): string | undefined {
  const match = code === undefined ? null : /^(?:invalid|missing|unsupported)([A-Z]\w*)$/.exec(code)
  if (!match?.[1] || ['ApiKey', 'Parameter', 'Request'].includes(match[1])) return undefined
  return match[1].charAt(0).toLowerCase() + match[1].slice(1)
}

function messageFor(kind: ErrorKind, facts: ErrorFacts, field: string | undefined): string {
  if (kind === 'validation' && facts.code === 'conflictTaskUUID') {
    return 'Runware already has a task with this id. Start a new run.'
  }
  if (kind === 'validation' && field) {
    const label = FIELD_LABELS[field] ?? field
    return `Runware refused the ${label}. Check it, then try again.`
  }
  if (kind === 'auth' && (facts.status === 403 || facts.code === 'accessDenied' || facts.code === 'forbidden')) {
    return "This API key isn't allowed to run this. Check its permissions at my.runware.ai, or use another key in Settings."
  }
  if (kind === 'server' && facts.code === 'downloadFailed') {
    return "Runware couldn't download a reference image. Try again; if it keeps failing, reselect the frames."
  }
  return KIND_MESSAGES[kind]
}

export function describeFacts(facts: ErrorFacts): string {
  const parts: string[] = []
  if (facts.status !== undefined) parts.push(`HTTP ${facts.status}`)
  if (facts.code) parts.push(facts.code)
  if (facts.message) parts.push(facts.message)
  const parameter = typeof facts.parameter === 'string' ? facts.parameter : facts.parameter?.join(', ')
  if (parameter) parts.push(`(parameter: ${parameter})`)
  return parts.length > 0 ? parts.join(' · ') : 'No error details given'
}

export function classifyError(facts: ErrorFacts): RunwareError {
  const kind =
    (facts.code ? kindFromCode(facts.code) : undefined) ??
    (facts.status !== undefined ? kindFromStatus(facts.status) : undefined) ??
    'unknown'
  const parameter = typeof facts.parameter === 'string' ? facts.parameter : facts.parameter?.[0]
  const field = kind === 'validation' ? (parameter ?? fieldFromCode(facts.code)) : undefined
  return new RunwareError({
    kind,
    message: messageFor(kind, facts, field),
    detail: describeFacts(facts),
    field: field ?? (facts.code === 'downloadFailed' ? 'inputs.referenceImages' : undefined),
    code: facts.code,
    status: facts.status,
    taskUUID: facts.taskUUID,
    // 429/503 mean the queue refused the request before taking it.
    notAccepted: facts.status === 429 || facts.status === 503,
  })
}

/** One error object of a reply (its `status` is a task status, not HTTP's, so it is left out). */
export function classifyApiError(item: ApiError, taskUUID?: string): RunwareError {
  return classifyError({ code: item.code, message: item.message, parameter: item.parameter, taskUUID })
}

/** A thrown value from fetch/WebSocket code: TypeError from fetch means the network failed. */
export function classifyThrown(thrown: unknown, notAccepted = false): RunwareError {
  if (thrown instanceof RunwareError) return thrown
  const name = thrown instanceof Error ? thrown.name : ''
  const text = thrown instanceof Error ? `${thrown.name}: ${thrown.message}` : String(thrown)
  const kind: ErrorKind = name === 'AbortError' ? 'cancelled' : thrown instanceof TypeError ? 'network' : 'unknown'
  return new RunwareError({ kind, message: KIND_MESSAGES[kind], detail: text, notAccepted: kind === 'network' && notAccepted })
}
