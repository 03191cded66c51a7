// The Runware layer's public shapes. This folder knows nothing of Figma or the DOM beyond
// fetch/WebSocket: the UI hands it a key, endpoints and a task; it hands back results as they
// arrive, or a RunwareError the UI can act on.

import type { ErrorKind } from './errors'
import type { PollPolicy, RetryPolicy } from './retry-policy'

export type ConnectionMode = 'auto' | 'websocket' | 'rest'

export interface RunwareClientConfig {
  apiKey: string
  connection: ConnectionMode
  restUrl: string // e.g. https://api.runware.ai/v1
  wsUrl: string // e.g. wss://ws-api.runware.ai/v1
  /** Injected in Node tests (the `ws` package); the browser's global otherwise. */
  WebSocketImpl?: typeof WebSocket
  fetchImpl?: typeof fetch
  /** Overrides for timings and retry budgets (tests shorten them). */
  tuning?: Partial<ClientTuning>
}

/** One generated image as Runware describes it; exactly one of the image fields is set. */
export interface InferenceResult {
  taskUUID: string
  imageUUID: string
  seed?: number
  cost?: number
  NSFWContent?: boolean
  imageURL?: string
  imageBase64Data?: string
  imageDataURI?: string
}

/** What the client is doing, for the UI's progress line ("busy, retrying in 4 s"). */
export type ClientStatus =
  | { kind: 'connecting'; transport: 'websocket' | 'rest' }
  | { kind: 'waiting' }
  | { kind: 'retrying'; inMs: number; attempt: number; reason: string; cause?: ErrorKind }
  | { kind: 'polling' }
  | { kind: 'resumed' }

/** Timings and budgets; every field has a default suited to the real service. */
export interface ClientTuning {
  /** No authentication reply within this long and the socket counts as unusable (auto → REST). */
  authTimeoutMs: number
  /** Runware's official clients ping every 30 s against its 120 s idle close. */
  pingIntervalMs: number
  /** No frame at all this long after a ping and the socket is treated as dropped. */
  pongTimeoutMs: number
  /** REST: stop waiting for one HTTP reply after this long (then ask getResponse). */
  requestTimeoutMs: number
  /** WebSocket, sync: this long without any frame for a task and the client asks getResponse. */
  replyTimeoutMs: number
  /** WebSocket: an imageUpload reply should come within this long. */
  uploadTimeoutMs: number
  /** Re-sending requests Runware certainly never took (refused connection, 429, 503). */
  retry: RetryPolicy
  /** Reconnecting a dropped socket to resume its session. */
  reconnect: RetryPolicy
  /** getResponse polling for async delivery and for recovery. */
  poll: PollPolicy
}
