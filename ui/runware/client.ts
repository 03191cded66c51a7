import { createTransportProvider } from './auto-transport'
import { validateInferenceTask } from './build-task'
import { classifyThrown } from './classify-error'
import { RunwareError, scrubError } from './errors'
import { createInferenceRun, type GenerateHandlers, type GenerateSummary } from './inference-run'
import { createRestTransport } from './rest-transport'
import { DEFAULT_POLL_POLICY, DEFAULT_RETRY_POLICY } from './retry-policy'
import type { InferenceTask } from './task-schema'
import type { TransportName } from './transport'
import type { ClientTuning, RunwareClientConfig } from './types'
import { runUpload, type UploadResult } from './upload-run'
import { createWsTransport } from './ws-transport'

// The one object the UI talks to. It picks a transport (remembered for its lifetime), runs
// generations and uploads on it, and makes sure every error that leaves it is a RunwareError
// without the API key in it.

export interface RunwareClient {
  /** Streams each result through `onResult` as it arrives; resolves when all have arrived. */
  generate(task: InferenceTask, handlers: GenerateHandlers, signal?: AbortSignal): Promise<GenerateSummary>
  /** Asks getResponse for a task sent earlier, never sending it again; streams its results. */
  recover(taskUUID: string, numberResults: number, handlers: GenerateHandlers, signal?: AbortSignal): Promise<GenerateSummary>
  /** Uploads one image (data URI or base64) and returns the id to use as a reference. */
  uploadImage(dataUriOrBase64: string, signal?: AbortSignal): Promise<UploadResult>
  /** The transport in use, once the first request chose it. */
  readonly transport: TransportName | undefined
  /** Closes sockets and timers; later calls fail with a network error. */
  close(): void
}

export const DEFAULT_TUNING: ClientTuning = {
  authTimeoutMs: 5000,
  pingIntervalMs: 30_000,
  pongTimeoutMs: 10_000,
  requestTimeoutMs: 5 * 60_000,
  // A sync WS request has a server budget of about 120 s at Runware.
  replyTimeoutMs: 150_000,
  uploadTimeoutMs: 60_000,
  retry: DEFAULT_RETRY_POLICY,
  reconnect: { ...DEFAULT_RETRY_POLICY, maxRetries: 5, baseMs: 500, maxMs: 8000 },
  poll: DEFAULT_POLL_POLICY,
}

function missingKeyError(): RunwareError {
  return new RunwareError({
    kind: 'auth',
    code: 'missingApiKey',
    message: 'Add your Runware API key in Settings first.',
    detail: 'No API key configured',
    notAccepted: true,
  })
}

export function createRunwareClient(config: RunwareClientConfig): RunwareClient {
  const tuning: ClientTuning = { ...DEFAULT_TUNING, ...config.tuning }
  const apiKey = config.apiKey.trim()
  const fetchImpl = config.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  const provider = createTransportProvider(
    config.connection,
    () =>
      createWsTransport({
        // the socket's timeouts and reconnect policy, from the tuning
        ...tuning,
        url: config.wsUrl,
        apiKey,
        WebSocketImpl: config.WebSocketImpl ?? (globalThis as { WebSocket?: typeof WebSocket }).WebSocket,
      }),
    () => createRestTransport({ url: config.restUrl, apiKey, fetchImpl, requestTimeoutMs: tuning.requestTimeoutMs }),
  )
  let closed = false

  /** Every failure leaves as a RunwareError with the key scrubbed from its text. */
  function guard<T>(work: () => Promise<T>): Promise<T> {
    if (closed) return Promise.reject(new RunwareError({ kind: 'network', message: 'The Runware connection was closed.', notAccepted: true }))
    if (!apiKey) return Promise.reject(missingKeyError())
    return work().catch((thrown: unknown) => Promise.reject(scrubError(classifyThrown(thrown), apiKey)))
  }

  return {
    get transport() {
      return provider.chosen
    },
    generate(task, handlers, signal) {
      return guard(async () => {
        const checked = validateInferenceTask(task)
        if (!checked.ok) throw checked.error
        handlers.onStatus?.({ kind: 'connecting', transport: provider.chosen ?? (config.connection === 'rest' ? 'rest' : 'websocket') })
        const transport = await provider.get(signal)
        // the tuning holds the run's settings (retry, poll, replyTimeoutMs)
        return createInferenceRun(transport, checked.task, handlers, tuning, signal).start()
      })
    },
    recover(taskUUID, numberResults, handlers, signal) {
      return guard(async () => {
        const transport = await provider.get(signal)
        // only the fields a recovery reads: the id and how many results to wait for
        const task = { taskType: 'imageInference', taskUUID, numberResults, deliveryMethod: 'async' } as InferenceTask
        return createInferenceRun(transport, task, handlers, tuning, signal).recover()
      })
    },
    uploadImage(dataUriOrBase64, signal) {
      return guard(async () => {
        const transport = await provider.get(signal)
        return runUpload(transport, dataUriOrBase64, { retry: tuning.retry, replyTimeoutMs: tuning.uploadTimeoutMs }, signal)
      })
    },
    close() {
      closed = true
      provider.close()
    },
  }
}
