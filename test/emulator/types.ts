// The emulator's public contract. Other parts of the test suite code against these names,
// so they change only together with their callers.

export interface EmulatorOptions {
  /** Accepted keys; the first one is `Emulator.apiKey`. */
  apiKeys?: string[]
  /** Delay before the first result of a task is ready. */
  latencyMs?: number
  /** Extra delay between successive results of one task, so they finish one by one. */
  staggerMs?: number
  /** WebSocket idle close (120 s after the last message). */
  idleTimeoutMs?: number
  /** How long undelivered WebSocket results are kept for a resumed session. */
  resumeBufferMs?: number
  /** USD per image when `includeCost` is set. */
  unitCost?: number
  /** Negotiate permessage-deflate on the WebSocket (the bench's wire figures). */
  perMessageDeflate?: boolean
  /** Refuse `{image, tag}` reference objects with a validation error, as a strings-only Runware would. */
  refuseTaggedReferences?: boolean
}

export type FaultStatus = 400 | 401 | 402 | 403 | 429 | 500 | 503 | 504

/** How the answer to an accepted task is lost: Runware's 504 (`timeoutQueue`), or the connection dropped. */
export type LostAnswer = 504 | 'drop'

export type Fault =
  | { kind: 'status'; status: FaultStatus }
  | { kind: 'providerTimeout' }
  | { kind: 'moderation' }
  | { kind: 'dropSocket'; afterResults: number }
  | { kind: 'closeBeforeAuth' }
  | { kind: 'malformedBody' }
  | { kind: 'truncatedImage' }
  | { kind: 'downloadFailed' }
  /** Accepts the next inference task, then an outage of `ms` begins (see `outage`). */
  | { kind: 'outage'; ms: number }
  /** Accepts the next inference task and lets it run, but its caller gets a 504 or a dropped connection. */
  | { kind: 'lostReply'; answer: LostAnswer }
  /** These results (0-based) fail on their own while the others succeed; `grouped`: WebSocket sends the task's items in one frame. */
  | { kind: 'failedResults'; indexes: number[]; grouped?: boolean }
  /** The task fails after this many results; each generation left fails with it. */
  | { kind: 'failAfter'; afterResults: number }
  /** The next `/images/` download sends a third of the image, with a matching Content-Length. */
  | { kind: 'truncatedDownload' }
  /** The next task's first result is absurd: a header declaring 60000×60000 px, or over 20 MB of bytes. */
  | { kind: 'absurdResult'; what: 'pixels' | 'bytes' }

export interface RecordedTask {
  transport: 'rest' | 'ws'
  task: Record<string, unknown>
  /** Size of the request body or WebSocket frame that carried the task. */
  bodyBytes: number
  at: number
}

/** One success item the emulator made; `intact` is false when a fault damaged its bytes. */
export interface ProducedResult {
  taskUUID: string
  imageUUID: string
  intact: boolean
}

export interface EmulatorStats {
  requestBytes: number
  responseBytes: number
  imageBytesServed: number
}

export interface Emulator {
  url: string
  wsUrl: string
  apiKey: string
  options: Required<EmulatorOptions>
  setOptions(partial: EmulatorOptions): void
  injectFault(fault: Fault, times?: number): void
  clearFaults(): void
  revokeKey(key: string): void
  /** Refuses every connection for `ms` and drops those open; accepted tasks keep running. 0 ends it. */
  outage(ms: number): void
  readonly tasks: RecordedTask[]
  /** Every success item made, in order: what a client must place (the intact ones) not to lose paid work. */
  readonly results: ProducedResult[]
  readonly stats: EmulatorStats
  close(): Promise<void>
}

export const DEFAULT_API_KEY = 'rw-test-key-0123456789'

export function defaultOptions(): Required<EmulatorOptions> {
  return {
    apiKeys: [DEFAULT_API_KEY],
    latencyMs: 0,
    staggerMs: 0,
    idleTimeoutMs: 120_000,
    resumeBufferMs: 120_000,
    unitCost: 0.02,
    perMessageDeflate: false,
    refuseTaggedReferences: false,
  }
}
