import { hideSecret } from '../../src/common/secret'

/** What kind of trouble a RunwareError is, which decides what the UI says and whether to retry. */
export type ErrorKind =
  | 'auth' // key missing, invalid or revoked
  | 'credits' // balance too low (HTTP 402)
  | 'validation' // the task itself is wrong; `field` names what
  | 'rateLimit' // 429 / 503 / 504: busy, try again shortly
  | 'timeout' // the provider or the client gave up waiting
  | 'moderation' // refused by content checks
  | 'network' // could not reach Runware, or the connection dropped
  | 'server' // Runware answered with something broken (5xx, malformed body)
  | 'cancelled' // the user cancelled
  | 'unknown'

// One error type for everything the Runware layer can report. `message` is for people (what
// happened and what to do); `detail` keeps Runware's own code and wording for a details view.
// Neither may ever contain the API key: the client scrubs both before an error leaves it.

export interface RunwareErrorInit {
  kind: ErrorKind
  message: string
  detail?: string
  retryable?: boolean
  field?: string
  code?: string
  status?: number
  taskUUID?: string
  /** The request certainly never reached Runware, so sending it again cannot double-bill. */
  notAccepted?: boolean
  /** The task may be running (and billed) at Runware, but the connection was lost: ask for it by id later. */
  interrupted?: boolean
}

/** What each kind of failure means for the designer, when nothing more specific is known. */
export const KIND_MESSAGES: Record<ErrorKind, string> = {
  auth: "Runware didn't accept this API key. Check it in Settings.",
  credits: 'Your Runware balance is too low for this run. Top up at my.runware.ai, then try again.',
  validation: 'Runware refused the request. Check the settings, then try again.',
  rateLimit: 'Runware is busy right now. Wait a moment, then try again.',
  timeout: 'The image model took too long to answer. Try again, perhaps with fewer results.',
  moderation: 'Content moderation blocked this request. Change the prompt or the reference images, then try again.',
  network: "Couldn't reach Runware. Check your internet connection, then try again.",
  server: 'Runware had a problem on its side. Try again in a moment.',
  cancelled: 'Generation cancelled.',
  unknown: 'Something went wrong at Runware. Try again; the details say what Runware answered.',
}

const RETRYABLE_KINDS: ReadonlySet<ErrorKind> = new Set(['rateLimit', 'timeout', 'network', 'server'])

export class RunwareError extends Error {
  readonly kind: ErrorKind
  readonly retryable: boolean
  readonly field?: string
  readonly code?: string
  readonly status?: number
  readonly taskUUID?: string
  readonly detail: string
  readonly notAccepted: boolean
  readonly interrupted: boolean

  constructor(init: RunwareErrorInit) {
    super(init.message)
    this.name = 'RunwareError'
    this.kind = init.kind
    this.retryable = RETRYABLE_KINDS.has(init.kind)
    this.detail = init.message
    this.notAccepted = false
    this.interrupted = false
    // what init gives wins over the defaults above; fields it leaves undefined stay absent
    for (const [key, value] of Object.entries(init)) if (value !== undefined && key !== 'message') Object.assign(this, { [key]: value })
  }

  /** The same error with some fields replaced (errors are immutable once thrown). */
  with(changes: Partial<RunwareErrorInit>): RunwareError {
    return new RunwareError({ ...this, message: this.message, ...changes })
  }
}

export function isRunwareError(value: unknown): value is RunwareError {
  return value instanceof RunwareError
}

export function cancelledError(taskUUID?: string): RunwareError {
  return new RunwareError({ kind: 'cancelled', message: KIND_MESSAGES.cancelled, detail: 'Cancelled by the user', taskUUID })
}

export function networkError(detail: string, notAccepted = false): RunwareError {
  return new RunwareError({ kind: 'network', message: KIND_MESSAGES.network, detail, notAccepted })
}

/** The connection went while a task was (or may have been) running: its results can still be fetched by id. */
export function interruptedError(cause: RunwareError, taskUUID?: string): RunwareError {
  return cause.with({ interrupted: true, notAccepted: false, taskUUID: taskUUID ?? cause.taskUUID })
}

export function isInterrupted(value: unknown): boolean {
  return value instanceof RunwareError && value.interrupted
}

export function malformedReplyError(detail: string, taskUUID?: string): RunwareError {
  return new RunwareError({
    kind: 'server',
    message: "Runware sent a reply the plugin couldn't read. Try again in a moment.",
    detail: `Malformed reply: ${detail}`,
    taskUUID,
  })
}

export function clientTimeoutError(detail: string, taskUUID?: string): RunwareError {
  return new RunwareError({
    kind: 'timeout',
    message: 'Runware took too long to answer. Try again, perhaps with fewer results.',
    detail,
    taskUUID,
  })
}

/** One image that arrived incomplete (image-check.ts): that result is lost, the others are not. */
export function damagedImageError(imageUUID: string, reason: string, taskUUID?: string): RunwareError {
  return new RunwareError({
    kind: 'server',
    message: 'This image arrived damaged. Generate it again.',
    detail: `Image ${imageUUID}: ${reason}`,
    taskUUID,
  })
}

/** One result item that could not be read, or that is larger than the plugin accepts. */
export function unreadableResultError(reason: string, message: string, taskUUID?: string): RunwareError {
  return new RunwareError({ kind: 'server', message, detail: `Malformed reply: ${reason}`, taskUUID })
}

export function missingResultsError(arrived: number, expected: number, taskUUID: string): RunwareError {
  return new RunwareError({
    kind: 'server',
    message: `Runware sent ${arrived} of ${expected} images. Try again for the missing ones.`,
    detail: `Reply held ${arrived} results; ${expected} were asked for`,
    taskUUID,
  })
}

export function scrubError(error: RunwareError, secret: string): RunwareError {
  const message = hideSecret(error.message, secret)
  const detail = hideSecret(error.detail, secret)
  if (message === error.message && detail === error.detail) return error
  return error.with({ message, detail })
}
