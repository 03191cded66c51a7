import { v4 as uuidv4 } from 'uuid'

import type { PluginToUi, RunPlan, UiToPlugin } from '../../src/common/protocol'
import { parsePluginToUi } from '../../src/common/protocol/plugin-to-ui'
import type { GenerationRecord } from '../../src/common/generation-record'

// The UI's side of the message protocol. Everything from the sandbox is parsed before anyone
// sees it; an invalid message is logged and dropped whole. Outgoing messages are typed, not
// parsed: the sandbox parses them on arrival and answers a refused request with
// `request-failed`, so the UI bundles only the schemas of what it receives. Requests that
// need an answer carry a requestId and resolve with the matching reply, reject on
// `request-failed`, and give up after a timeout so a lost reply can never hang a run.

export interface BridgePort {
  post(message: UiToPlugin): void
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The page's own timers: what the bridge, the actions and Quick Actions use outside tests. */
export const browserTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export type BridgeErrorKind = 'failed' | 'timeout' | 'invalid' | 'closed'

export class BridgeError extends Error {
  readonly kind: BridgeErrorKind
  readonly requestType: string

  constructor(kind: BridgeErrorKind, requestType: string, message: string) {
    super(message)
    this.name = 'BridgeError'
    this.kind = kind
    this.requestType = requestType
  }
}

type Reply<T extends PluginToUi['type']> = Extract<PluginToUi, { type: T }>
type RequestMessage = Extract<UiToPlugin, { requestId: string }>
type RequestBody<T extends RequestMessage['type']> = Omit<Extract<RequestMessage, { type: T }>, 'type' | 'requestId'>

const REPLY_TYPE = {
  'run-start': 'run-started',
  'place-result': 'result-placed',
  'place-result-url': 'result-placed',
  'task-sent': 'task-saved',
  'select-nodes': 'nodes-selected',
  'export-references': 'references-exported',
} as const satisfies Record<RequestMessage['type'], PluginToUi['type']>

/** Placing a large image can take the sandbox a while (decode, createImage); the rest is quick. */
export const DEFAULT_TIMEOUTS: Record<RequestMessage['type'], number> = {
  'run-start': 20_000,
  'place-result': 60_000,
  // the sandbox downloads the image itself first
  'place-result-url': 90_000,
  // the task waits for this answer before it goes: a slow storage may hold a run up this long, no longer
  'task-sent': 2000,
  'select-nodes': 10_000,
  'export-references': 20_000,
}

export interface BridgeOptions {
  port: BridgePort
  timers?: Timers
  timeouts?: Partial<Record<RequestMessage['type'], number>>
  newId?: () => string
  warn?: (message: string) => void
}

export interface Bridge {
  /** Hands the message to the sandbox; true once posted. */
  send(message: UiToPlugin): boolean
  /** Feed one raw `pluginMessage`; returns whether it was valid. */
  receive(raw: unknown): boolean
  subscribe(listener: (message: PluginToUi) => void): () => void
  startRun(plan: RunPlan): Promise<Reply<'run-started'>>
  placeResult(body: { runId: string; index: number; image: Uint8Array; record: GenerationRecord }): Promise<Reply<'result-placed'>>
  /** URL output the UI could not download: the sandbox tries figma.createImageAsync. */
  placeResultUrl(body: { runId: string; index: number; url: string; record: GenerationRecord }): Promise<Reply<'result-placed'>>
  /** Selects and shows nodes: the plugin's own selection, unless `asReferences` offers them as references. */
  selectNodes(nodeIds: string[], asReferences?: boolean): Promise<Reply<'nodes-selected'>>
  /** Exports nodes by id; it resolves once their `reference-image`s have arrived. */
  exportReferences(nodeIds: string[], preview?: boolean): Promise<Reply<'references-exported'>>
  /** Has the sandbox keep the run's task for recovery; resolves once it is in clientStorage. */
  saveTask(body: { runId: string; taskUUID: string }): Promise<Reply<'task-saved'>>
  /** Rejects everything still waiting, e.g. when the UI goes away. */
  dispose(): void
}

interface Pending {
  requestType: RequestMessage['type']
  resolve(message: PluginToUi): void
  reject(error: BridgeError): void
  timer: unknown
}

export function createBridge(options: BridgeOptions): Bridge {
  const timers = options.timers ?? browserTimers
  const newId = options.newId ?? uuidv4
  const warn = options.warn ?? ((message: string) => console.warn(`[gen4 ui] ${message}`))
  const pending = new Map<string, Pending>()
  const listeners = new Set<(message: PluginToUi) => void>()

  function send(message: UiToPlugin): boolean {
    options.port.post(message)
    return true
  }

  function settle(requestId: string, reply: PluginToUi): void {
    const waiting = pending.get(requestId)
    if (!waiting) {
      warn(`reply '${reply.type}' for an unknown or expired request ignored`)
      return
    }
    pending.delete(requestId)
    timers.clearTimeout(waiting.timer)
    if (reply.type === 'request-failed') {
      waiting.reject(new BridgeError('failed', waiting.requestType, reply.message))
    } else if (reply.type === REPLY_TYPE[waiting.requestType]) {
      waiting.resolve(reply)
    } else {
      waiting.reject(new BridgeError('invalid', waiting.requestType, `Unexpected reply '${reply.type}'`))
    }
  }

  function receive(raw: unknown): boolean {
    const parsed = parsePluginToUi(raw)
    if (!parsed.ok) {
      warn(parsed.reason)
      return false
    }
    const message = parsed.message
    if ('requestId' in message) {
      settle(message.requestId, message)
      return true
    }
    for (const listener of [...listeners]) listener(message)
    return true
  }

  function request<T extends RequestMessage['type']>(type: T, body: RequestBody<T>): Promise<Reply<(typeof REPLY_TYPE)[T]>> {
    const requestId = newId()
    const message = { ...body, type, requestId } as unknown as UiToPlugin
    return new Promise((resolve, reject) => {
      const ms = options.timeouts?.[type] ?? DEFAULT_TIMEOUTS[type]
      const timer = timers.setTimeout(() => {
        pending.delete(requestId)
        reject(new BridgeError('timeout', type, 'The plugin did not answer in time. Try again, or reopen the plugin.'))
      }, ms)
      pending.set(requestId, { requestType: type, resolve: resolve as (m: PluginToUi) => void, reject, timer })
      send(message)
    })
  }

  return {
    send,
    receive,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    startRun: (plan) => request('run-start', { plan }),
    // the protocol's zod type says Uint8Array<ArrayBuffer>; every array here is ArrayBuffer-backed
    placeResult: (body) => request('place-result', body as RequestBody<'place-result'>),
    placeResultUrl: (body) => request('place-result-url', body as RequestBody<'place-result-url'>),
    selectNodes: (nodeIds, asReferences) => request('select-nodes', { nodeIds, asReferences }),
    exportReferences: (nodeIds, preview) => request('export-references', { nodeIds, preview }),
    saveTask: (body) => request('task-sent', body),
    dispose() {
      for (const [id, waiting] of pending) {
        timers.clearTimeout(waiting.timer)
        waiting.reject(new BridgeError('closed', waiting.requestType, 'The plugin closed.'))
        pending.delete(id)
      }
      listeners.clear()
    },
  }
}
