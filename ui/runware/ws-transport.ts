import { raceAbort } from './abortable'
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy'
import { TaskRouter, type Transport } from './transport'
import { createWsConnection } from './ws-connection'

// WebSocket transport: frames out as JSON arrays, frames in routed by taskUUID the moment they
// arrive, so each result reaches the UI as soon as Runware finishes it (over the
// WebSocket, results arrive as they complete).

export interface WsTransportOptions {
  url: string
  apiKey: string
  WebSocketImpl: typeof WebSocket | undefined
  authTimeoutMs: number
  pingIntervalMs: number
  pongTimeoutMs: number
  reconnect?: RetryPolicy
}

export interface WsTransport extends Transport {
  /** Opens and authenticates now (auto mode uses this to decide whether the socket works). */
  connect(signal?: AbortSignal): Promise<void>
}

// A resume should start at once and not take long: Runware buffers results for 120 s.
const RECONNECT_POLICY: RetryPolicy = { ...DEFAULT_RETRY_POLICY, maxRetries: 5, baseMs: 500, maxMs: 8000 }

export function createWsTransport(options: WsTransportOptions): WsTransport {
  const router = new TaskRouter()
  const connection = createWsConnection({
    ...options,
    reconnect: options.reconnect ?? RECONNECT_POLICY,
    hasWaiters: () => router.size > 0,
    onEnvelope: (envelope) => router.route(envelope),
    onUnreadable: (detail) => router.broadcast({ type: 'unreadable', detail }),
    onResumed: (sameSession) => router.broadcast({ type: 'resumed', sameSession }),
    onLost: (error) => router.broadcast({ type: 'failed', error }),
  })

  return {
    name: 'websocket',
    subscribe: (taskUUID, listener) => router.subscribe(taskUUID, listener),
    connect: (signal) => raceAbort(connection.ready(), signal),
    async send(tasks, signal) {
      await raceAbort(connection.ready(), signal)
      connection.send(JSON.stringify(tasks))
    },
    close: () => connection.close(),
  }
}
