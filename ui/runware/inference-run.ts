import { classifyApiError, classifyThrown } from './classify-error'
import {
  cancelledError,
  isInterrupted,
  clientTimeoutError,
  damagedImageError,
  interruptedError,
  malformedReplyError,
  missingResultsError,
  networkError,
  unreadableResultError,
  type RunwareError,
} from './errors'
import { inlineImageDamage } from './image-check'
import { createPhaseHolder, isEnded, type InferencePhaseName, type PhaseNamed } from './inference-phases'
import { MAX_POLL_FAILURES, pollGetResponse } from './poll-async'
import { readItem, type Envelope } from './response-schema'
import { tooManyBytesMessage } from './result-bounds'
import { retryDelay, type PollPolicy, type RetryPolicy } from './retry-policy'
import { sendWithRetry } from './send-with-retry'
import type { InferenceTask } from './task-schema'
import type { TaskEvent, Transport, TransportName } from './transport'
import type { ClientStatus, InferenceResult } from './types'

// One generation from send to last result. Results are handed over the moment they arrive,
// each once (deduplicated by imageUUID: a resumed socket may replay). Nothing is ever sent
// twice as a new task: when the outcome of the send is uncertain, or a resumed socket lost its
// session, the run asks getResponse about the same taskUUID first, and sends the same task again
// only when Runware says it does not know it. A connection lost for good ends the run as
// interrupted (its results can still be fetched by id), never as failed.

/** Unreadable poll replies tolerated before the run fails as a server error. */
const MAX_UNREADABLE = 3

export interface GenerateHandlers {
  onResult(result: InferenceResult): void
  /**
   * One generation failed (Runware's error for it, or its image arrived damaged or
   * unreadable) while the task goes on: its slot is lost, not the run. Once per generation.
   */
  onFailed?(error: RunwareError): void
  onStatus?(status: ClientStatus): void
}

export interface GenerateSummary {
  taskUUID: string
  transport: TransportName
  /** In arrival order. */
  results: InferenceResult[]
  /** Generations that failed on their own (reported through `onFailed`) while the others arrived. */
  failed: number
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

/** A 504 (queue or gateway timeout) does not say whether Runware took the task first. */
function acceptanceUncertain(error: RunwareError): boolean {
  return error.status === 504 || error.code === 'timeoutQueue'
}

// Errors about the whole task (the key, the balance, the request itself, Runware being busy):
// never one generation's, even when they come after results.
const TASK_LEVEL_KINDS: ReadonlySet<string> = new Set(['auth', 'credits', 'validation', 'rateLimit', 'cancelled'])

/** A getResponse reply lists the task's full state (items with a status), not only what is new. */
function isFullState(envelope: Envelope): boolean {
  return envelope.data.some((item) => 'status' in item) || envelope.errors.some((error) => error.status === 'error')
}

export interface InferenceRun {
  /** Sends the task, then follows it until every result is in. */
  start(): Promise<GenerateSummary>
  /**
   * Follows a task sent earlier (e.g. before the plugin was closed) without sending it again:
   * getResponse by its taskUUID until every result is in, or Runware says it is gone.
   */
  recover(): Promise<GenerateSummary>
  /** Where the run is in its life (see inference-phases.ts). */
  readonly phase: InferencePhaseName
}

// A closure: its state and steps are plain locals, shared by the steps below.
export function createInferenceRun(
  transport: Transport,
  task: InferenceTask,
  handlers: GenerateHandlers,
  settings: RunSettings,
  signal?: AbortSignal,
): InferenceRun {
  const uuid = task.taskUUID
  const expected = task.numberResults ?? 1
  const delivered = new Map<string, InferenceResult>()
  /** Results lost on their own, by imageUUID (damaged or unreadable): each once, even when replayed. */
  const damaged = new Map<string, string>()
  /** Generations Runware reported failed while others arrived (deduplicated across full-state polls). */
  let failedGenerations = 0
  const phases = createPhaseHolder()
  // budgets, each counted over the whole run
  let unreadable = 0
  /** Only a run that holds the whole task (start, not recover) may send it again. */
  let canResend = false
  let resends = 0
  let busyPolls = 0
  let busyRetries = 0
  let unsubscribe: () => void = () => {}
  let resolveRun: (summary: GenerateSummary) => void = () => {}
  let rejectRun: (error: RunwareError) => void = () => {}

  /** Listens for this task's results (honouring cancel), then `begin`s: send it, or poll for it. */
  function follow(begin: () => void): Promise<GenerateSummary> {
    return new Promise<GenerateSummary>((resolve, reject) => {
      resolveRun = resolve
      rejectRun = reject
      if (signal?.aborted) return finish(cancelledError(uuid))
      signal?.addEventListener('abort', onAbort, { once: true })
      unsubscribe = transport.subscribe(uuid, onEvent)
      begin()
    })
  }

  function onAbort(): void {
    finish(cancelledError(uuid))
  }

  const settled = (): boolean => isEnded(phases.current.name)
  const polling = (): boolean => phases.current.name === 'polling'

  async function submit(): Promise<void> {
    if (!phases.enter({ name: 'sending' })) return
    try {
      await sendWithRetry(transport, [task], { policy: settings.retry, onStatus: handlers.onStatus, signal })
    } catch (thrown) {
      const error = classifyThrown(thrown)
      if (settled()) return
      // The id is taken (REST says so with a 400): an earlier attempt reached Runware.
      if (error.code === 'conflictTaskUUID') return startPolling()
      // refused-as-busy sends were already retried by sendWithRetry: its budget is spent
      if (!error.notAccepted && retryBusy(error)) return
      // Sent, but no readable answer: it may be running and billed, so ask about it by id.
      const uncertain = !error.notAccepted && error.status === undefined && error.code === undefined
      if (uncertain && ['network', 'server', 'timeout'].includes(error.kind)) return startPolling(error)
      return finish(error)
    }
    // a reply that came while the send was finishing may have moved the run on already
    const { name } = phases.current
    if (name !== 'sending' && name !== 'awaiting') return
    handlers.onStatus?.({ kind: 'waiting' })
    // REST has the whole answer by now. A socket's ACK (async) starts the polling: asked before
    // it, Runware may not know the task yet, and the watchdog covers an ACK that never comes.
    if (transport.name === 'websocket') armWatchdog()
    else if (task.deliveryMethod === 'async') startPolling()
    else checkDone(true)
  }

  function onEvent(event: TaskEvent): void {
    if (settled()) return
    if (event.type === 'failed') return finish(event.error)
    if (event.type === 'unreadable') return onUnreadable(event.detail)
    if (event.type === 'resumed') {
      handlers.onStatus?.({ kind: 'resumed' })
      // A new session means Runware dropped the buffered results: fetch them by id instead.
      if (!event.sameSession) startPolling(networkError('The connection dropped and Runware did not keep the session'))
      return
    }
    wakePoll()
    onReply(event.envelope)
    if (!settled()) {
      checkDone(false)
      if (!polling()) armWatchdog()
    }
  }

  /**
   * A frame that could not be read may have held results: ask getResponse for the full state
   * instead. Unreadable replies to those polls count against a small budget.
   */
  function onUnreadable(detail: string): void {
    const error = malformedReplyError(detail, uuid)
    wakePoll()
    if (!polling()) return startPolling(error)
    if (++unreadable >= MAX_UNREADABLE) finish(error)
  }

  function onReply(envelope: Envelope): void {
    // Successes first: a reply can carry results and failed generations at once, and every
    // result in it is paid for.
    let generations = 0
    for (const item of envelope.data) {
      const read = readItem(item)
      if (read.kind === 'result') {
        generations++
        accept(read.result)
      } else if (read.kind === 'pending') generations++
      else if (read.kind === 'ack' && task.deliveryMethod === 'async') startPolling()
      else if (read.kind === 'invalid') {
        // an item that names its image loses that image; one that names none may have been anything
        if (read.imageUUID === undefined) return finish(malformedReplyError(read.reason, uuid))
        generations++
        const message = read.tooLarge ? tooManyBytesMessage() : "Runware sent this image in a form the plugin couldn't read. Generate it again."
        lose(read.imageUUID, unreadableResultError(read.reason, message, uuid))
      }
      if (settled()) return
    }
    const errors = envelope.errors.map((error) => classifyApiError(error, uuid))
    const taskLevel = errors.find((error) => TASK_LEVEL_KINDS.has(error.kind))
    // A failed generation comes with or after other generations; alone, an error is the task's.
    const others = delivered.size + damaged.size + failedGenerations + generations
    if (taskLevel || (errors.length > 0 && others === 0)) {
      const error = taskLevel ?? errors[0]!
      // The task id is taken: an earlier attempt did reach Runware, so follow that task.
      if (error.code === 'conflictTaskUUID') return startPolling()
      if (retryBusy(error)) return
      return isNotFound(error) ? unknownTask(error) : finish(error)
    }
    // A full-state reply repeats the failures reported before: only those beyond them are new.
    const fresh = isFullState(envelope) ? errors.slice(failedGenerations) : errors
    for (const error of fresh) {
      if (settled()) return
      failedGenerations++
      report(error)
    }
  }

  /** Loses one image (damaged or unreadable) while the others go on. */
  function lose(imageUUID: string, error: RunwareError): void {
    if (delivered.has(imageUUID) || damaged.has(imageUUID)) return
    damaged.set(imageUUID, error.detail)
    report(error)
  }

  function report(error: RunwareError): void {
    try {
      handlers.onFailed?.(error)
    } catch (thrown) {
      finish(classifyThrown(thrown))
    }
  }

  /**
   * Busy (429/503/504, on either transport): the same task goes again after a bounded,
   * jittered back-off, and the UI says so. Same taskUUID, so never a second paid task: if an
   * earlier attempt was taken after all, Runware answers conflictTaskUUID and the run polls.
   */
  function retryBusy(error: RunwareError): boolean {
    if (error.kind !== 'rateLimit' || settled()) return false
    if (polling()) return pollBusy(error)
    const retry = ++busyRetries
    if (retry > settings.retry.maxRetries) return false
    const retrying = phases.enter({ name: 'retrying' })
    if (!retrying) return false
    const inMs = retryDelay(retry, settings.retry)
    handlers.onStatus?.({ kind: 'retrying', inMs, attempt: retry, reason: error.message, cause: error.kind })
    // fires only while still retrying: leaving the phase stops it
    retrying.timer = setTimeout(() => {
      // A gateway timeout may come after Runware took the task: ask about it by id before sending it again.
      if (acceptanceUncertain(error)) startPolling(error)
      else void submit()
    }, inMs)
    return true
  }

  /**
   * A getResponse answered "busy" (WebSocket: the answer arrives as a reply): not an answer about
   * the task, so the poll loop asks again; after a few in a row the run is interrupted, not failed.
   */
  function pollBusy(error: RunwareError): boolean {
    if (++busyPolls >= MAX_POLL_FAILURES) finish(interruptedError(error, uuid))
    return true
  }

  /**
   * Runware says it does not know the task. After a send whose outcome was uncertain that means
   * it never got through, so the same task (same taskUUID) goes again, within the retry budget.
   */
  function unknownTask(error: RunwareError): void {
    const nothingArrived = delivered.size + damaged.size === 0
    const phase = phases.current
    const recoverFrom = phase.name === 'polling' ? phase.from : undefined
    if (canResend && recoverFrom && nothingArrived && ++resends <= settings.retry.maxRetries) {
      // leaving polling stops its loop
      void submit()
      return
    }
    finish(recoverFrom ?? error)
  }

  function accept(result: InferenceResult): void {
    if (delivered.has(result.imageUUID) || damaged.has(result.imageUUID)) return
    const damage = inlineImageDamage(result)
    if (damage) return lose(result.imageUUID, damagedImageError(result.imageUUID, damage, uuid))
    // kept for the summary without its image: the bytes live only until the UI has placed them
    delivered.set(result.imageUUID, withoutImage(result))
    try {
      handlers.onResult(result)
    } catch (thrown) {
      finish(classifyThrown(thrown))
    }
  }

  function checkDone(final: boolean): void {
    // a failed or damaged generation has arrived too: the run waits for no more than were made
    const arrived = delivered.size + damaged.size + failedGenerations
    if (arrived >= expected) return finish()
    // REST sync: the body held every result it ever will.
    if (final) finish(missingResultsError(arrived, expected, uuid))
  }

  function startPolling(from?: RunwareError): void {
    const round = phases.enter({ name: 'polling', from })
    if (!round) return
    void pollGetResponse({
      transport,
      taskUUID: uuid,
      poll: settings.poll,
      retry: settings.retry,
      signal,
      onStatus: handlers.onStatus,
      // a loop whose phase was left (ended, or the task sent again) stops asking
      settled: () => phases.current !== round,
      nextReply: transport.name === 'websocket' ? (ms) => nextReply(round, ms) : undefined,
      giveUp(error) {
        if (isNotFound(error)) return unknownTask(error)
        // Runware unreachable while the task may be running: its results stay fetchable by id.
        if (error.kind === 'network' || error.kind === 'rateLimit') return finish(interruptedError(error, uuid))
        finish(error)
      },
    })
  }

  /** Resolves when the next reply for the task arrives, the polling phase is left, or after `ms`. */
  function nextReply(round: PhaseNamed<'polling'>, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (phases.current !== round) return resolve()
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        round.wake = undefined
        resolve()
      }
      round.wake = done
    })
  }

  function wakePoll(): void {
    const phase = phases.current
    if (phase.name === 'polling') phase.wake?.()
  }

  /** Sent, or a reply came: no reply for this long and the run asks getResponse instead. */
  function armWatchdog(): void {
    // refused while retrying: the back-off timer sends again
    const awaiting = phases.enter({ name: 'awaiting' })
    if (!awaiting) return
    const ms = settings.replyTimeoutMs
    awaiting.timer = setTimeout(() => startPolling(clientTimeoutError(`No reply for ${ms} ms`, uuid)), ms)
  }

  function finish(error?: RunwareError): void {
    const ended = phases.enter({ name: error === undefined ? 'done' : isInterrupted(error) ? 'interrupted' : 'failed' })
    if (!ended) return
    unsubscribe()
    signal?.removeEventListener('abort', onAbort)
    if (error) return rejectRun(error)
    resolveRun(summarise(uuid, transport.name, [...delivered.values()], damaged.size + failedGenerations))
  }

  return {
    start: () => {
      canResend = true
      return follow(() => void submit())
    },
    recover: () => follow(() => startPolling()),
    get phase() {
      return phases.current.name
    },
  }
}

function withoutImage(result: InferenceResult): InferenceResult {
  const { imageDataURI: _dataUri, imageBase64Data: _base64, ...rest } = result
  return rest
}

function summarise(taskUUID: string, transport: TransportName, results: InferenceResult[], failed: number): GenerateSummary {
  const costs = results.map((r) => r.cost).filter((c): c is number => typeof c === 'number')
  const summary: GenerateSummary = { taskUUID, transport, results, failed }
  // Rounded to micro-dollars so 0.02 × 3 reads 0.06, not 0.060000000000000005.
  if (costs.length > 0) summary.cost = Math.round(costs.reduce((a, b) => a + b, 0) * 1e6) / 1e6
  return summary
}
