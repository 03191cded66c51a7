import { sleep } from './abortable'
import { classifyApiError } from './classify-error'
import { interruptedError, networkError, type RunwareError } from './errors'
import { readItem, type Envelope } from './response-schema'
import { retryDelay, type RetryPolicy } from './retry-policy'
import { authFrame, frameText, PING_FRAME, readFrame } from './ws-frames'

// One authenticated socket to Runware. It keeps itself alive with pings, and after an
// unexpected drop it reconnects and re-authenticates with the same connectionSessionUUID so
// Runware replays the results it buffered meanwhile (it keeps them 120 s).

export interface WsConnectionOptions {
  url: string
  apiKey: string
  /** Undefined where the runtime has none: opening then fails like a refused connection. */
  WebSocketImpl: typeof WebSocket | undefined
  /** No authentication reply within this long counts as "cannot open". */
  authTimeoutMs: number
  /** Runware closes idle sockets after 120 s; its official clients ping every 30 s. */
  pingIntervalMs: number
  /** No frame at all this long after a ping: the socket is dead even if it looks open. */
  pongTimeoutMs: number
  reconnect: RetryPolicy
  /** Someone still waits for replies, so a drop must be resumed rather than left idle. */
  hasWaiters(): boolean
  onEnvelope(envelope: Envelope): void
  onUnreadable(detail: string): void
  onResumed(sameSession: boolean): void
  onLost(error: RunwareError): void
}

const OPEN = 1

/**
 * Where the connection is: `idle` (no socket; the next send opens one), `connecting` (socket
 * opening), `authenticating` (auth frame sent, no answer yet), `open` (authenticated),
 * `resuming` (dropped while tasks wait: reconnecting with the same session), `closed` (for good).
 */
export type WsState = 'idle' | 'connecting' | 'authenticating' | 'open' | 'resuming' | 'closed'

/** One socket's own way to an authenticated session: `refused` once it gave up, so later events belong to nobody. */
type AttemptState = 'connecting' | 'authenticating' | 'open' | 'refused'

export interface WsConnection {
  /** Resolves once an authenticated socket is open, opening one if needed. */
  ready(): Promise<void>
  /** Writes a frame on the open socket; throws a not-sent network error when there is none. */
  send(text: string): void
  close(): void
  readonly state: WsState
}

// A closure: its state and steps are plain locals, shared by the steps below.
export function createWsConnection(options: WsConnectionOptions): WsConnection {
  let socket: WebSocket | undefined
  /** Sockets still opening or authenticating, so close() can stop them too. */
  const pending = new Set<WebSocket>()
  let sessionUUID: string | undefined
  let opening: Promise<void> | undefined
  let pingTimer: ReturnType<typeof setInterval> | undefined
  let pongTimer: ReturnType<typeof setTimeout> | undefined
  let state: WsState = 'idle'
  /** Announced by an attempt of a fresh open; a resume shows as `resuming` throughout, back-offs included. */
  const attemptState = (resume: boolean, next: 'connecting' | 'authenticating'): void => {
    if (state !== 'closed') state = resume ? 'resuming' : next
  }
  /** A fresh open, or a whole resume, that gave up: the next send opens a fresh socket. */
  const gaveUp = (from: WsState): void => {
    if (state === from || (from === 'connecting' && state === 'authenticating')) state = 'idle'
  }

  /** Keeps `attempt` as the one opening in progress until it settles. */
  function track(attempt: Promise<void>): void {
    const clear = (): void => void (opening = undefined)
    attempt.then(clear, clear) // also keeps a failed attempt from being an unhandled rejection
    opening = attempt
  }

  /** Opens a socket and authenticates (resuming the session when asked); resolves with its id. */
  function open(resume: boolean): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let attempt: AttemptState = 'connecting'
      const pendingAuth = (): boolean => attempt === 'connecting' || attempt === 'authenticating'
      let next: WebSocket
      try {
        if (!options.WebSocketImpl) throw new Error('this runtime has no WebSocket')
        next = new options.WebSocketImpl(options.url)
      } catch (thrown) {
        reject(networkError(`WebSocket could not be created: ${String(thrown)}`, true))
        return
      }
      pending.add(next)
      attemptState(resume, 'connecting')
      const fail = (error: RunwareError): void => {
        if (!pendingAuth()) return
        attempt = 'refused'
        if (!resume) gaveUp('connecting')
        pending.delete(next)
        clearTimeout(authTimer)
        next.onopen = next.onmessage = next.onclose = null
        next.close()
        reject(error)
      }
      const authTimer = setTimeout(
        () => fail(networkError(`No authentication reply within ${options.authTimeoutMs} ms`, true)),
        options.authTimeoutMs,
      )
      next.onopen = () => {
        attempt = 'authenticating'
        attemptState(resume, 'authenticating')
        next.send(authFrame(options.apiKey, resume ? sessionUUID : undefined))
      }
      next.onerror = () => {} // a close event always follows; the `ws` package throws without a listener
      next.onclose = (event) => {
        if (pendingAuth()) fail(networkError(`WebSocket closed before authentication (code ${event.code})`, true))
        else dropped(next)
      }
      next.onmessage = (event) => {
        const text = frameText(event.data)
        if (text === undefined) return options.onUnreadable('binary frame')
        sawTraffic()
        const frame = readFrame(text)
        if (!frame.ok) return pendingAuth() ? fail(networkError(frame.detail, true)) : options.onUnreadable(frame.detail)
        const rest: Envelope = { data: [], errors: frame.envelope.errors }
        for (const item of frame.envelope.data) {
          const read = readItem(item)
          if (read.kind === 'auth' && pendingAuth()) {
            if (state === 'closed') return fail(networkError('The client was closed', true))
            attempt = 'open'
            state = 'open'
            pending.delete(next)
            clearTimeout(authTimer)
            const previous = sessionUUID
            sessionUUID = read.connectionSessionUUID
            socket = next
            startPing()
            // Said before any replayed frame that follows in the same read is handled.
            if (resume) options.onResumed(read.connectionSessionUUID === previous)
            resolve(read.connectionSessionUUID)
          } else if (read.kind !== 'pong' && read.kind !== 'auth') rest.data.push(item)
        }
        if (pendingAuth() && rest.errors.length > 0) {
          const first = rest.errors[0]!
          // A bad key answers `invalidApiKey` with taskType authentication.
          return fail(classifyApiError(first).with({ notAccepted: true }))
        }
        if (rest.data.length > 0 || rest.errors.length > 0) options.onEnvelope(rest)
      }
    })
  }

  function dropped(lost: WebSocket): void {
    if (lost !== socket) return
    socket = undefined
    stopPing()
    if (state === 'closed') return
    // Nobody waiting: stay idle, the next send opens a fresh socket. Already opening: that will do.
    if (opening) return
    state = 'idle'
    if (!options.hasWaiters()) return
    state = 'resuming'
    track(resume())
  }

  async function resume(): Promise<void> {
    const policy = options.reconnect
    let lastError: RunwareError = networkError('The connection to Runware dropped')
    for (let attempt = 0; attempt <= policy.maxRetries; attempt++) {
      if (attempt > 0) await sleep(retryDelay(attempt, policy))
      if (state === 'closed') throw lastError
      try {
        await open(true)
        return
      } catch (error) {
        lastError = error as RunwareError
        if (lastError.kind === 'auth') break
      }
    }
    // Tasks were in flight: they may be running and billed, so this is not a "not sent" error.
    const lost = lastError.kind === 'auth' ? lastError.with({ notAccepted: false }) : interruptedError(networkError(`Connection lost and not resumed: ${lastError.detail}`))
    gaveUp('resuming')
    options.onLost(lost)
    throw lastError
  }

  function startPing(): void {
    stopPing()
    pingTimer = setInterval(() => {
      const current = socket
      if (current?.readyState !== OPEN) return
      current.send(PING_FRAME)
      pongTimer ??= setTimeout(() => forceDrop(current), options.pongTimeoutMs)
    }, options.pingIntervalMs)
  }

  function sawTraffic(): void {
    clearTimeout(pongTimer)
    pongTimer = undefined
  }

  function stopPing(): void {
    clearInterval(pingTimer)
    sawTraffic()
  }

  /** A socket that stopped answering is treated exactly like one that closed. */
  function forceDrop(silent: WebSocket): void {
    silent.onclose = silent.onmessage = null
    silent.close()
    dropped(silent)
  }

  return {
    ready() {
      if (state === 'closed') return Promise.reject(networkError('The client was closed', true))
      if (socket?.readyState === OPEN) return Promise.resolve()
      if (!opening) {
        // Tasks still waiting (the old socket closed under them) want their session back.
        const resuming = sessionUUID !== undefined && options.hasWaiters()
        track(open(resuming).then(() => undefined, (error: unknown) => {
          if (resuming) gaveUp('resuming')
          throw error
        }))
      }
      return opening!
    },
    send(text) {
      if (socket?.readyState !== OPEN) throw networkError('The WebSocket is not open', true)
      socket.send(text)
    },
    close() {
      state = 'closed'
      stopPing()
      const current = socket
      socket = undefined
      current?.close()
      for (const attempt of pending) attempt.close()
    },
    get state() {
      return state
    },
  }
}
