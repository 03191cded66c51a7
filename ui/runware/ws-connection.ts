import { sleep } from './abortable'
import { classifyError } from './classify-error'
import { networkError, type RunwareError } from './errors'
import { readItem, type Envelope } from './response-schema'
import { retryDelay, type RetryPolicy } from './retry-policy'
import { authFrame, frameText, PING_FRAME, readFrame } from './ws-frames'

// One authenticated socket to Runware. It keeps itself alive with pings, and after an
// unexpected drop it reconnects and re-authenticates with the same connectionSessionUUID so
// Runware replays the results it buffered meanwhile (runware-api.md §1.2: kept 120 s).

export interface WsConnectionOptions {
  url: string
  apiKey: string
  /** Undefined where the runtime has none: opening then fails like a refused connection. */
  WebSocketImpl: typeof WebSocket | undefined
  /** No authentication reply within this long counts as "cannot open". */
  authTimeoutMs: number
  /** runware-api.md §1.2: idle sockets close after 120 s; the official clients ping every 30 s. */
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

export class WsConnection {
  #socket: WebSocket | undefined
  /** Sockets still opening or authenticating, so close() can stop them too. */
  readonly #pending = new Set<WebSocket>()
  #sessionUUID: string | undefined
  #opening: Promise<void> | undefined
  #pingTimer: ReturnType<typeof setInterval> | undefined
  #pongTimer: ReturnType<typeof setTimeout> | undefined
  #closed = false

  readonly #options: WsConnectionOptions

  constructor(options: WsConnectionOptions) {
    this.#options = options
  }

  /** Resolves once an authenticated socket is open, opening one if needed. */
  ready(): Promise<void> {
    if (this.#closed) return Promise.reject(networkError('The client was closed', true))
    if (this.#socket?.readyState === OPEN) return Promise.resolve()
    if (!this.#opening) {
      // Tasks still waiting (the old socket closed under them) want their session back.
      const resume = this.#sessionUUID !== undefined && this.#options.hasWaiters()
      const opening = this.#open(resume).then(() => undefined)
      const clear = (): void => void (this.#opening = undefined)
      opening.then(clear, clear)
      this.#opening = opening
    }
    return this.#opening
  }

  /** Writes a frame on the open socket; throws a not-sent network error when there is none. */
  send(text: string): void {
    if (this.#socket?.readyState !== OPEN) throw networkError('The WebSocket is not open', true)
    this.#socket.send(text)
  }

  close(): void {
    this.#closed = true
    this.#stopPing()
    const socket = this.#socket
    this.#socket = undefined
    socket?.close()
    for (const opening of this.#pending) opening.close()
  }

  /** Opens a socket and authenticates (resuming the session when asked); resolves with its id. */
  #open(resume: boolean): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      let authed = false
      let socket: WebSocket
      try {
        if (!this.#options.WebSocketImpl) throw new Error('this runtime has no WebSocket')
        socket = new this.#options.WebSocketImpl(this.#options.url)
      } catch (thrown) {
        reject(networkError(`WebSocket could not be created: ${String(thrown)}`, true))
        return
      }
      this.#pending.add(socket)
      const fail = (error: RunwareError): void => {
        if (authed) return
        authed = true // settled: later events belong to nobody
        this.#pending.delete(socket)
        clearTimeout(authTimer)
        socket.onopen = socket.onmessage = socket.onclose = null
        socket.close()
        reject(error)
      }
      const authTimer = setTimeout(
        () => fail(networkError(`No authentication reply within ${this.#options.authTimeoutMs} ms`, true)),
        this.#options.authTimeoutMs,
      )
      socket.onopen = () => socket.send(authFrame(this.#options.apiKey, resume ? this.#sessionUUID : undefined))
      socket.onerror = () => {} // a close event always follows; the `ws` package throws without a listener
      socket.onclose = (event) => {
        if (!authed) fail(networkError(`WebSocket closed before authentication (code ${event.code})`, true))
        else this.#dropped(socket)
      }
      socket.onmessage = (event) => {
        const text = frameText(event.data)
        if (text === undefined) return this.#options.onUnreadable('binary frame')
        this.#sawTraffic()
        const frame = readFrame(text)
        if (!frame.ok) return authed ? this.#options.onUnreadable(frame.detail) : fail(networkError(frame.detail, true))
        const rest: Envelope = { data: [], errors: frame.envelope.errors }
        for (const item of frame.envelope.data) {
          const read = readItem(item)
          if (read.kind === 'auth' && !authed) {
            if (this.#closed) return fail(networkError('The client was closed', true))
            authed = true
            this.#pending.delete(socket)
            clearTimeout(authTimer)
            const previous = this.#sessionUUID
            this.#sessionUUID = read.connectionSessionUUID
            this.#socket = socket
            this.#startPing()
            // Said before any replayed frame that follows in the same read is handled.
            if (resume) this.#options.onResumed(read.connectionSessionUUID === previous)
            resolve(read.connectionSessionUUID)
          } else if (read.kind !== 'pong' && read.kind !== 'auth') rest.data.push(item)
        }
        if (!authed && rest.errors.length > 0) {
          const first = rest.errors[0]!
          // runware-api.md §1.2: a bad key answers `invalidApiKey` with taskType authentication.
          return fail(classifyError({ code: first.code, message: first.message, parameter: first.parameter }).with({ notAccepted: true }))
        }
        if (rest.data.length > 0 || rest.errors.length > 0) this.#options.onEnvelope(rest)
      }
    })
  }

  #dropped(socket: WebSocket): void {
    if (socket !== this.#socket) return
    this.#socket = undefined
    this.#stopPing()
    // Nobody waiting: stay idle, the next send opens a fresh socket. Already opening: that will do.
    if (this.#closed || !this.#options.hasWaiters() || this.#opening) return
    const resuming = this.#resume()
    const clear = (): void => void (this.#opening = undefined)
    resuming.then(clear, clear) // also keeps a failed resume from being an unhandled rejection
    this.#opening = resuming
  }

  async #resume(): Promise<void> {
    const policy = this.#options.reconnect
    let lastError: RunwareError = networkError('The connection to Runware dropped')
    for (let attempt = 0; attempt <= policy.maxRetries; attempt++) {
      if (attempt > 0) await sleep(retryDelay(attempt, policy))
      if (this.#closed) throw lastError
      try {
        await this.#open(true)
        return
      } catch (error) {
        lastError = error as RunwareError
        if (lastError.kind === 'auth') break
      }
    }
    // Tasks were in flight: they may be running and billed, so this is not a "not sent" error.
    const lost = lastError.kind === 'auth' ? lastError : networkError(`Connection lost and not resumed: ${lastError.detail}`)
    this.#options.onLost(lost.with({ notAccepted: false }))
    throw lastError
  }

  #startPing(): void {
    this.#stopPing()
    this.#pingTimer = setInterval(() => {
      const socket = this.#socket
      if (socket?.readyState !== OPEN) return
      socket.send(PING_FRAME)
      this.#pongTimer ??= setTimeout(() => this.#forceDrop(socket), this.#options.pongTimeoutMs)
    }, this.#options.pingIntervalMs)
  }

  #sawTraffic(): void {
    clearTimeout(this.#pongTimer)
    this.#pongTimer = undefined
  }

  #stopPing(): void {
    clearInterval(this.#pingTimer)
    this.#sawTraffic()
  }

  /** A socket that stopped answering is treated exactly like one that closed. */
  #forceDrop(socket: WebSocket): void {
    socket.onclose = socket.onmessage = null
    socket.close()
    this.#dropped(socket)
  }
}
