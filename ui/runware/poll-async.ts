import { sleep } from './abortable'
import { clientTimeoutError, type RunwareError } from './errors'
import { pollDelay, type PollPolicy, type RetryPolicy } from './retry-policy'
import { sendWithRetry } from './send-with-retry'
import type { Transport } from './transport'
import type { ClientStatus } from './types'

// Asks `getResponse` for a task until the caller says it is settled (polled
// with the original taskUUID; first poll after ~1 s, then back off). The replies themselves
// reach the caller through its transport subscription, as every other reply does; this loop
// only decides when to ask and when to give up.

export interface PollLoopOptions {
  transport: Transport
  taskUUID: string
  poll: PollPolicy
  retry: RetryPolicy
  signal?: AbortSignal
  onStatus?: (status: ClientStatus) => void
  /** The run has finished (all results, an error, or a cancel): stop asking. */
  settled(): boolean
  /** WebSocket: resolves when the next reply frame for the task arrived (or after `ms`). */
  nextReply?(ms: number): Promise<void>
  /** Called once when polling cannot go on: Runware's answer, or why it could not be reached. */
  giveUp(error: RunwareError): void
  now?: () => number
}

/** A poll that fails on the network this many times in a row stops asking (the run is then interrupted). */
export const MAX_POLL_FAILURES = 3
/** WebSocket: how long to wait for a getResponse reply before asking again. */
export const POLL_REPLY_WAIT_MS = 30_000

export async function pollGetResponse(options: PollLoopOptions): Promise<void> {
  const { transport, taskUUID, poll, retry, signal, onStatus, settled, giveUp } = options
  const now = options.now ?? (() => Date.now())
  const started = now()
  let failures = 0
  for (let index = 0; !settled(); index++) {
    try {
      await sleep(pollDelay(index, poll), signal)
    } catch {
      return // cancelled: the run has its own abort handler
    }
    if (settled()) return
    if (now() - started > poll.timeoutMs) {
      return giveUp(clientTimeoutError(`No complete result after polling for ${poll.timeoutMs} ms`, taskUUID))
    }
    onStatus?.({ kind: 'polling' })
    const reply = options.nextReply?.(POLL_REPLY_WAIT_MS)
    try {
      await sendWithRetry(transport, [{ taskType: 'getResponse', taskUUID }], { policy: retry, signal, onStatus })
      failures = 0
    } catch (thrown) {
      const error = thrown as RunwareError
      if (settled() || error.kind === 'cancelled') return
      // An answer from Runware about the task is final; a network hiccup or a busy answer is worth another poll.
      const answered = error.kind !== 'rateLimit' && (error.status !== undefined || error.code !== undefined)
      if (answered || ++failures >= MAX_POLL_FAILURES) {
        return giveUp(error)
      }
      continue
    }
    if (reply) await reply
  }
}
