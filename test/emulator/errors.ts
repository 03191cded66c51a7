// Runware's error items and the codes the emulator uses. An error item has
// code, message, parameter, taskType, taskUUID and documentation; only invalidApiKey,
// timeoutProvider and a few validation codes are confirmed, the rest follow the naming the
// official SDK recognises so a client's error mapping is exercised the same way.
import type { FaultStatus } from './types'

export interface ErrorItem {
  code: string
  message: string
  parameter?: string
  taskType?: string
  taskUUID?: string
  documentation?: string
  status?: 'error'
  [extra: string]: unknown
}

const DOCS = 'https://runware.ai/docs/en/image-inference/api-reference'

export function errorItem(
  code: string,
  message: string,
  scope: { parameter?: string; taskType?: unknown; taskUUID?: unknown } = {},
  extra: Record<string, unknown> = {},
): ErrorItem {
  const item: ErrorItem = { code, message }
  if (scope.parameter) item.parameter = scope.parameter
  if (typeof scope.taskType === 'string') item.taskType = scope.taskType
  if (typeof scope.taskUUID === 'string') item.taskUUID = scope.taskUUID
  item.documentation = DOCS
  return Object.assign(item, extra)
}

// The exact text Runware sends for a bad key.
export const INVALID_API_KEY_MESSAGE = 'Invalid API key. Get one at https://my.runware.ai/signup'

export function invalidApiKey(scope: { taskType?: unknown; taskUUID?: unknown } = {}): ErrorItem {
  return errorItem('invalidApiKey', INVALID_API_KEY_MESSAGE, {
    parameter: 'apiKey',
    taskType: scope.taskType ?? 'authentication',
    taskUUID: scope.taskUUID,
  }, { type: 'string' })
}

export function missingApiKey(): ErrorItem {
  return errorItem(
    'missingApiKey',
    'Missing API key. Send it as "Authorization: Bearer <key>" or in a leading authentication task. Get one at https://my.runware.ai/signup',
    { parameter: 'apiKey', taskType: 'authentication' },
  )
}

// The provider-timeout text as Runware sends it inside getResponse.
export const PROVIDER_TIMEOUT_MESSAGE =
  'The external provider did not respond within the timeout window. The request was automatically terminated.'

interface StatusError { code: string; message: string }

// Runware's status table and the real codes found: messages quote Runware's own wording where it exists.
const STATUS_ERRORS: Record<Exclude<FaultStatus, 401>, StatusError> = {
  400: { code: 'invalidRequest', message: 'Bad request. The request could not be processed; check the task parameters.' },
  402: {
    code: 'insufficientCredits',
    message: 'Insufficient credits. Your account balance is insufficient to run this task; add credits at https://my.runware.ai/wallet',
  },
  403: { code: 'accessDenied', message: "The API key doesn't have permissions to perform the request." },
  429: { code: 'rateLimitExceeded', message: 'Queue capacity exceeded, implement retry with exponential backoff.' },
  500: { code: 'internalServerError', message: 'An unexpected server error occurred. Please retry the request.' },
  503: { code: 'serviceUnavailable', message: 'Temporary capacity constraint, retry recommended.' },
  504: { code: 'timeoutQueue', message: 'Request exceeded maximum queue wait time.' },
}

export function statusError(status: FaultStatus, scope: { taskType?: unknown; taskUUID?: unknown } = {}): ErrorItem {
  if (status === 401) return invalidApiKey(scope)
  const { code, message } = STATUS_ERRORS[status]
  return errorItem(code, message, scope)
}

// Codes a request can fail validation with; such answers get HTTP 400 when nothing succeeded
// (400 is "often due to missing a required parameter").
export function isRequestError(code: string): boolean {
  return /^(invalid|missing|unsupported|conflict)/.test(code) || code === 'taskFailedOrNotFound'
}
