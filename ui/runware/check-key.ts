import { classifyApiError } from './classify-error'
import { hideSecret } from '../../src/common/secret'
import { readItem } from './response-schema'
import { authFrame, frameText, readFrame } from './ws-frames'

// Checks an API key the moment it is saved: one WebSocket, one `authentication` task (which
// runs nothing and costs nothing), then the socket is closed. Runware answers either with a
// connectionSessionUUID or with an error such as `invalidApiKey`; anything else, or nothing
// within the time allowed, means the key could not be checked, which says nothing about it.

export type KeyCheckOutcome =
  | { kind: 'connected' }
  /** Runware's own words, with the key scrubbed out should they quote it. */
  | { kind: 'refused'; message: string }
  | { kind: 'unreachable'; detail: string }

export interface KeyCheckRequest {
  apiKey: string
  wsUrl: string
}

export type KeyChecker = (request: KeyCheckRequest) => Promise<KeyCheckOutcome>

export interface KeyCheckerOptions {
  /** Undefined where the runtime has none: every check is then "unreachable". */
  WebSocketImpl: typeof WebSocket | undefined
  timeoutMs: number
}

export function createKeyChecker({ WebSocketImpl, timeoutMs }: KeyCheckerOptions): KeyChecker {
  return ({ apiKey, wsUrl }) =>
    new Promise<KeyCheckOutcome>((resolve) => {
      let socket: WebSocket
      try {
        if (!WebSocketImpl) throw new Error('this runtime has no WebSocket')
        socket = new WebSocketImpl(wsUrl)
      } catch (thrown) {
        resolve({ kind: 'unreachable', detail: `the connection could not be opened (${thrown instanceof Error ? thrown.message : String(thrown)})` })
        return
      }
      let settled = false
      const settle = (outcome: KeyCheckOutcome): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        socket.onopen = socket.onmessage = socket.onclose = null
        socket.close()
        resolve(outcome)
      }
      const timer = setTimeout(() => settle({ kind: 'unreachable', detail: `no answer within ${Math.round(timeoutMs / 1000)} s` }), timeoutMs)
      socket.onopen = () => socket.send(authFrame(apiKey))
      socket.onerror = () => {} // a close event always follows; the `ws` package throws without a listener
      socket.onclose = (event) => settle({ kind: 'unreachable', detail: `the connection closed before Runware answered (code ${event.code})` })
      socket.onmessage = (event) => {
        const text = frameText(event.data)
        const frame = text === undefined ? null : readFrame(text)
        if (!frame?.ok) return settle({ kind: 'unreachable', detail: 'Runware sent an answer the plugin could not read' })
        if (frame.envelope.data.some((item) => readItem(item).kind === 'auth')) return settle({ kind: 'connected' })
        const error = frame.envelope.errors[0]
        if (!error) return // not the answer to authentication; wait for it
        const said = hideSecret(error.message ?? error.code ?? 'no reason given', apiKey)
        // Only a refusal of the key itself is a verdict on it; busy or broken is not.
        settle(classifyApiError(error).kind === 'auth' ? { kind: 'refused', message: said } : { kind: 'unreachable', detail: said })
      }
    })
}
