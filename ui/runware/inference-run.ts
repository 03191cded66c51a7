import { classifyError, classifyThrown } from './classify-error'
import {
  cancelledError,
  clientTimeoutError,
  damagedResultsError,
  malformedReplyError,
  missingResultsError,
  networkError,
  type RunwareError,
} from './errors'
import { inlineImageDamage } from './image-check'
import { pollGetResponse } from './poll-async'
import { readItem, type ApiError, type Envelope } from './response-schema'
import { retryDelay, type PollPolicy, type RetryPolicy } from './retry-policy'
import { sendWithRetry } from './send-with-retry'
import type { InferenceTask } from './task-schema'
import type { TaskEvent, Transport, TransportName } from './transport'
import type { ClientStatus, InferenceResult } from './types'

// One generation from send to last result. Results are handed over the moment they arrive,
// each once (deduplicated by imageUUID: a resumed socket may replay). Nothing is ever sent
// twice as a new task: when the outcome of the send is uncertain, or a resumed socket lost its
// session, the run asks getResponse about the same taskUUID instead (runware-api.md §1.2, §3).

/** Unreadable poll replies tolerated before the run fails as a server error. */
const MAX_UNREADABLE = 3

export interface GenerateHandlers {
  onResult(result: InferenceResult): void
  onStatus?(status: ClientStatus): void
}

export interface GenerateSummary {
  taskUUID: string
  transport: TransportName
  /** In arrival order. */
  results: InferenceResult[]
  /** Sum of the results' `cost`, when Runware reported it (`includeCost`). */
  cost?: number
}

export interface RunSettings {
  retry: RetryPolicy
  poll: PollPolicy
  /** WebSocket, sync: this long without any reply and the run asks getResponse instead. */
  replyTimeoutMs: number
}

function isNotFound(error: RunwareError): boolean {
  return /notfound|expired/i.test(error.code ?? '')
}

function errorOf(item: ApiError, taskUUID: string): RunwareError {
  return classifyError({ code: item.code, message: item.message, parameter: item.parameter, taskUUID })
}

export class InferenceRun {
  readonly #uuid: string
  readonly #expected: number
  readonly #delivered = new Map<string, InferenceResult>()
  readonly #damaged = new Map<string, string>()
  #settled = false
  #unreadable = 0
  #polling = false
  #recoverFrom: RunwareError | undefined
  #watchdog: ReturnType<typeof setTimeout> | undefined
  #busyRetries = 0
  #busyTimer: ReturnType<typeof setTimeout> | undefined
  #replyWaiter: (() => void) | undefined
  #unsubscribe: () => void = () => {}
  #resolve: (summary: GenerateSummary) => void = () => {}
  #reject: (error: RunwareError) => void = () => {}

  readonly #transport: Transport
  readonly #task: InferenceTask
  readonly #handlers: GenerateHandlers
  readonly #settings: RunSettings
  readonly #signal?: AbortSignal

  constructor(transport: Transport, task: InferenceTask, handlers: GenerateHandlers, settings: RunSettings, signal?: AbortSignal) {
    this.#transport = transport
    this.#task = task
    this.#handlers = handlers
    this.#settings = settings
    this.#signal = signal
    this.#uuid = task.taskUUID
    this.#expected = task.numberResults ?? 1
  }

  start(): Promise<GenerateSummary> {
    return this.#follow(() => void this.#submit())
  }

  /**
   * Follows a task sent earlier (e.g. before the plugin was closed) without sending it again:
   * getResponse by its taskUUID until every result is in, or Runware says it is gone.
   */
  recover(): Promise<GenerateSummary> {
    return this.#follow(() => this.#startPolling())
  }

  /** Listens for this task's results (honouring cancel), then `begin`s: send it, or poll for it. */
  #follow(begin: () => void): Promise<GenerateSummary> {
    return new Promise<GenerateSummary>((resolve, reject) => {
      this.#resolve = resolve
      this.#reject = reject
      if (this.#signal?.aborted) return this.#finish(cancelledError(this.#uuid))
      this.#signal?.addEventListener('abort', this.#onAbort, { once: true })
      this.#unsubscribe = this.#transport.subscribe(this.#uuid, (event) => this.#onEvent(event))
      begin()
    })
  }

  readonly #onAbort = (): void => this.#finish(cancelledError(this.#uuid))

  async #submit(): Promise<void> {
    try {
      await sendWithRetry(this.#transport, [this.#task], { policy: this.#settings.retry, onStatus: this.#handlers.onStatus, signal: this.#signal })
    } catch (thrown) {
      const error = classifyThrown(thrown)
      if (this.#settled) return
      // The id is taken (REST says so with a 400): an earlier attempt reached Runware.
      if (error.code === 'conflictTaskUUID') return this.#startPolling()
      // refused-as-busy sends were already retried by sendWithRetry: its budget is spent
      if (!error.notAccepted && this.#retryBusy(error)) return
      // Sent, but no readable answer: it may be running and billed, so ask about it by id.
      const uncertain = !error.notAccepted && error.status === undefined && error.code === undefined
      if (uncertain && ['network', 'server', 'timeout'].includes(error.kind)) return this.#startPolling(error)
      return this.#finish(error)
    }
    if (this.#settled || this.#polling) return
    this.#handlers.onStatus?.({ kind: 'waiting' })
    if (this.#task.deliveryMethod === 'async') this.#startPolling()
    else if (this.#transport.name === 'rest') this.#checkDone(true)
    else this.#armWatchdog()
  }

  #onEvent(event: TaskEvent): void {
    if (this.#settled) return
    if (event.type === 'failed') return this.#finish(event.error)
    if (event.type === 'unreadable') return this.#onUnreadable(event.detail)
    if (event.type === 'resumed') {
      this.#handlers.onStatus?.({ kind: 'resumed' })
      // A new session means Runware dropped the buffered results: fetch them by id instead.
      if (!event.sameSession) this.#startPolling(networkError('The connection dropped and Runware did not keep the session'))
      return
    }
    this.#replyWaiter?.()
    this.#onReply(event.envelope)
    if (!this.#settled) {
      this.#checkDone(false)
      if (!this.#polling) this.#armWatchdog()
    }
  }

  /**
   * A frame that could not be read may have held results: ask getResponse for the full state
   * instead. Unreadable replies to those polls count against a small budget.
   */
  #onUnreadable(detail: string): void {
    const error = malformedReplyError(detail, this.#uuid)
    this.#replyWaiter?.()
    if (!this.#polling) return this.#startPolling(error)
    if (++this.#unreadable >= MAX_UNREADABLE) this.#finish(error)
  }

  #onReply(envelope: Envelope): void {
    const first = envelope.errors[0]
    if (first) {
      const error = errorOf(first, this.#uuid)
      // The task id is taken: an earlier attempt did reach Runware, so follow that task.
      if (error.code === 'conflictTaskUUID') return this.#startPolling()
      if (this.#retryBusy(error)) return
      return this.#finish(this.#recoverFrom && isNotFound(error) ? this.#recoverFrom : error)
    }
    for (const item of envelope.data) {
      const read = readItem(item)
      if (read.kind === 'result') this.#accept(read.result)
      else if (read.kind === 'ack' && this.#task.deliveryMethod === 'async') this.#startPolling()
      else if (read.kind === 'invalid') return this.#finish(malformedReplyError(read.reason, this.#uuid))
      if (this.#settled) return
    }
  }

  /**
   * Busy (429/503/504, on either transport): the same task goes again after a bounded,
   * jittered back-off, and the UI says so. Same taskUUID, so never a second paid task: if an
   * earlier attempt was taken after all, Runware answers conflictTaskUUID and the run polls.
   */
  #retryBusy(error: RunwareError): boolean {
    if (error.kind !== 'rateLimit' || this.#polling || this.#settled) return false
    const retry = ++this.#busyRetries
    if (retry > this.#settings.retry.maxRetries) return false
    const inMs = retryDelay(retry, this.#settings.retry)
    this.#handlers.onStatus?.({ kind: 'retrying', inMs, attempt: retry, reason: error.message, cause: error.kind })
    clearTimeout(this.#watchdog)
    this.#busyTimer = setTimeout(() => {
      if (!this.#settled) void this.#submit()
    }, inMs)
    return true
  }

  #accept(result: InferenceResult): void {
    if (this.#delivered.has(result.imageUUID) || this.#damaged.has(result.imageUUID)) return
    const damage = inlineImageDamage(result)
    if (damage) {
      this.#damaged.set(result.imageUUID, damage)
      return
    }
    // kept for the summary without its image: the bytes live only until the UI has placed them
    this.#delivered.set(result.imageUUID, withoutImage(result))
    try {
      this.#handlers.onResult(result)
    } catch (thrown) {
      this.#finish(classifyThrown(thrown))
    }
  }

  #checkDone(final: boolean): void {
    const arrived = this.#delivered.size + this.#damaged.size
    if (this.#damaged.size > 0 && arrived >= this.#expected) {
      return this.#finish(damagedResultsError(this.#damaged.size, this.#expected, [...new Set(this.#damaged.values())], this.#uuid))
    }
    if (arrived >= this.#expected) return this.#finish()
    // REST sync: the body held every result it ever will.
    if (final) this.#finish(missingResultsError(arrived, this.#expected, this.#uuid))
  }

  #startPolling(recoverFrom?: RunwareError): void {
    if (this.#polling || this.#settled) return
    this.#polling = true
    this.#recoverFrom = recoverFrom
    clearTimeout(this.#watchdog)
    void pollGetResponse({
      transport: this.#transport,
      taskUUID: this.#uuid,
      poll: this.#settings.poll,
      retry: this.#settings.retry,
      signal: this.#signal,
      onStatus: this.#handlers.onStatus,
      settled: () => this.#settled,
      nextReply: this.#transport.name === 'websocket' ? (ms) => this.#nextReply(ms) : undefined,
      giveUp: (error) => this.#finish(this.#recoverFrom && (isNotFound(error) || error.kind === 'network') ? this.#recoverFrom : error),
    })
  }

  #nextReply(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        resolve()
      }
      this.#replyWaiter = done
    })
  }

  #armWatchdog(): void {
    clearTimeout(this.#watchdog)
    const ms = this.#settings.replyTimeoutMs
    this.#watchdog = setTimeout(() => this.#startPolling(clientTimeoutError(`No reply for ${ms} ms`, this.#uuid)), ms)
  }

  #finish(error?: RunwareError): void {
    if (this.#settled) return
    this.#settled = true
    this.#unsubscribe()
    clearTimeout(this.#watchdog)
    clearTimeout(this.#busyTimer)
    this.#replyWaiter?.()
    this.#signal?.removeEventListener('abort', this.#onAbort)
    if (error) return this.#reject(error)
    this.#resolve(summarise(this.#uuid, this.#transport.name, [...this.#delivered.values()]))
  }
}

function withoutImage(result: InferenceResult): InferenceResult {
  const { imageDataURI: _dataUri, imageBase64Data: _base64, ...rest } = result
  return rest
}

function summarise(taskUUID: string, transport: TransportName, results: InferenceResult[]): GenerateSummary {
  const costs = results.map((r) => r.cost).filter((c): c is number => typeof c === 'number')
  const summary: GenerateSummary = { taskUUID, transport, results }
  // Rounded to micro-dollars so 0.02 × 3 reads 0.06, not 0.060000000000000005.
  if (costs.length > 0) summary.cost = Math.round(costs.reduce((a, b) => a + b, 0) * 1e6) / 1e6
  return summary
}
