import { raceAbort } from './abortable'
import type { RunwareError } from './errors'
import type { Transport, TransportName } from './transport'
import type { ConnectionMode } from './types'
import type { WsTransport } from './ws-transport'

// Picks the wire. `auto` tries the WebSocket first, the path proven to work from a browser
// page (CORS on the REST endpoint is unknown), and falls back to REST when
// the socket cannot open or authenticate in time. The choice is kept for the client's
// lifetime so a run never flips transport halfway.

export interface TransportProvider {
  /** The transport to use; in auto mode the first call decides. */
  get(signal?: AbortSignal): Promise<Transport>
  /** Which transport was chosen, once one was. */
  readonly chosen: TransportName | undefined
  close(): void
}

export function createTransportProvider(
  mode: ConnectionMode,
  makeWs: () => WsTransport,
  makeRest: () => Transport,
): TransportProvider {
  let ws: WsTransport | undefined
  let rest: Transport | undefined
  let chosen: Transport | undefined
  let deciding: Promise<Transport> | undefined

  const socket = (): WsTransport => (ws ??= makeWs())
  const http = (): Transport => (rest ??= makeRest())

  async function decide(): Promise<Transport> {
    try {
      await socket().connect()
      return (chosen = socket())
    } catch (thrown) {
      const error = thrown as RunwareError
      // A bad key says nothing about the socket: REST would refuse it the same way.
      if (error.kind === 'auth') throw error
      ws?.close()
      ws = undefined
      return (chosen = http())
    }
  }

  return {
    get chosen() {
      return chosen?.name
    },
    get(signal) {
      if (mode === 'websocket') return Promise.resolve((chosen = socket()))
      if (mode === 'rest') return Promise.resolve((chosen = http()))
      if (chosen) return Promise.resolve(chosen)
      // One decision shared by concurrent callers; each caller's cancel only stops its own wait.
      if (!deciding) {
        deciding = decide()
        deciding.catch(() => (deciding = undefined))
      }
      return raceAbort(deciding, signal)
    },
    close() {
      ws?.close()
      rest?.close()
    },
  }
}
