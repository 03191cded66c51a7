import { sleep } from './abortable'
import { classifyThrown } from './classify-error'
import { cancelledError, type RunwareError } from './errors'
import { retryDelay, shouldRetry, type RetryPolicy } from './retry-policy'
import type { Transport } from './transport'
import type { ClientStatus } from './types'

// Sends, and sends again only when the failure proves Runware never took the request
// (connection refused, 429/503). Everything else is rethrown for the caller to recover
// without a second paid task.

export interface SendOptions {
  policy: RetryPolicy
  onStatus?: (status: ClientStatus) => void
  signal?: AbortSignal
  random?: () => number
}

export async function sendWithRetry(transport: Transport, tasks: readonly object[], options: SendOptions): Promise<void> {
  for (let retry = 1; ; retry++) {
    try {
      await transport.send(tasks, options.signal)
      return
    } catch (thrown) {
      if (options.signal?.aborted) throw cancelledError()
      const error: RunwareError = classifyThrown(thrown)
      if (!shouldRetry(error, retry, options.policy)) throw error
      const inMs = retryDelay(retry, options.policy, options.random)
      options.onStatus?.({ kind: 'retrying', inMs, attempt: retry, reason: error.message, cause: error.kind })
      await sleep(inMs, options.signal)
    }
  }
}
