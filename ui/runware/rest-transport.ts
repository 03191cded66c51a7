import { classifyError, classifyThrown } from './classify-error'
import { cancelledError, clientTimeoutError, malformedReplyError, type RunwareError } from './errors'
import { readEnvelope } from './response-schema'
import { TaskRouter, type Transport } from './transport'

// REST: one POST per call to the single endpoint, the body a JSON array of tasks, the key in a
// Bearer header. The reply comes back whole, so it is routed to the
// listeners before `send` resolves.

export interface RestTransportOptions {
  url: string
  apiKey: string
  fetchImpl: typeof fetch
  /** A sync request for many results can take minutes; past this the client stops waiting. */
  requestTimeoutMs: number
}

// Failures that happen before any byte is sent (Node's fetch exposes them as `cause.code`;
// browsers say only "Failed to fetch", which stays "may have been sent").
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'])

function neverSent(thrown: unknown): boolean {
  const cause = (thrown as { cause?: { code?: unknown } } | null)?.cause
  return typeof cause?.code === 'string' && NOT_SENT_CODES.has(cause.code)
}

function firstTaskUUID(tasks: readonly object[]): string | undefined {
  const uuid = (tasks[0] as { taskUUID?: unknown } | undefined)?.taskUUID
  return typeof uuid === 'string' ? uuid : undefined
}

export function createRestTransport(options: RestTransportOptions): Transport {
  const router = new TaskRouter()
  const fetchImpl = options.fetchImpl

  async function post(tasks: readonly object[], signal: AbortSignal | undefined): Promise<{ status: number; ok: boolean; body: string }> {
    const controller = new AbortController()
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, options.requestTimeoutMs)
    const onAbort = (): void => controller.abort()
    signal?.addEventListener('abort', onAbort, { once: true })
    try {
      const response = await fetchImpl(options.url, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${options.apiKey}`,
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify(tasks),
        signal: controller.signal,
      })
      return { status: response.status, ok: response.ok, body: await response.text() }
    } catch (thrown) {
      if (signal?.aborted) throw cancelledError(firstTaskUUID(tasks))
      if (timedOut) throw clientTimeoutError(`No reply within ${options.requestTimeoutMs} ms`, firstTaskUUID(tasks))
      throw classifyThrown(thrown, neverSent(thrown))
    } finally {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
  }

  return {
    name: 'rest',
    subscribe: (taskUUID, listener) => router.subscribe(taskUUID, listener),
    async send(tasks, signal) {
      const taskUUID = firstTaskUUID(tasks)
      const reply = await post(tasks, signal)
      let json: unknown
      try {
        json = JSON.parse(reply.body)
      } catch {
        json = undefined
      }
      const envelope = json === undefined ? undefined : readEnvelope(json)
      // Results in the body are paid for whatever the status says: they are read like any reply.
      if (!reply.ok && !envelope?.data.some((item) => 'imageUUID' in item)) {
        const first = envelope?.errors[0]
        const error: RunwareError = classifyError({
          status: reply.status,
          code: first?.code,
          message: first?.message ?? (envelope ? undefined : reply.body.slice(0, 200)),
          parameter: first?.parameter,
          taskUUID: first?.taskUUID ?? taskUUID,
        })
        throw error
      }
      // A 200 whose body cannot be read: the task was taken and may be billed.
      if (!envelope) throw malformedReplyError(`HTTP ${reply.status}, body starts ${JSON.stringify(reply.body.slice(0, 80))}`, taskUUID)
      router.route(envelope, taskUUID)
    },
    close() {},
  }
}
