import { describe, expect, it } from 'vitest'

import type { RunwareError } from '../../ui/runware/errors'
import { createWsConnection, type WsState } from '../../ui/runware/ws-connection'

// The connection's named state, driven by a scripted socket: each event the test sends is one
// the browser would, so every state is reached and left the way the wire does it.

class ScriptedSocket {
  static made: ScriptedSocket[] = []
  readyState = 0
  sent: string[] = []
  onopen: (() => void) | null = null
  onclose: ((event: { code: number }) => void) | null = null
  onmessage: ((event: { data: unknown }) => void) | null = null
  onerror: (() => void) | null = null
  constructor(readonly url: string) {
    ScriptedSocket.made.push(this)
  }
  send(text: string): void {
    this.sent.push(text)
  }
  close(): void {
    this.readyState = 3
  }
  /** The browser opens the socket. */
  opened(): void {
    this.readyState = 1
    this.onopen?.()
  }
  answer(body: unknown): void {
    this.onmessage?.({ data: JSON.stringify(body) })
  }
  authed(session: string): void {
    this.answer({ data: [{ taskType: 'authentication', connectionSessionUUID: session }] })
  }
  dropped(code = 1006): void {
    this.readyState = 3
    this.onclose?.({ code })
  }
}

function connection(options: { waiters?: () => boolean } = {}) {
  ScriptedSocket.made = []
  const lost: RunwareError[] = []
  const resumed: boolean[] = []
  const conn = createWsConnection({
    url: 'ws://127.0.0.1:1/v1',
    apiKey: 'rw-test-key-0000',
    WebSocketImpl: ScriptedSocket as unknown as typeof WebSocket,
    authTimeoutMs: 5000,
    pingIntervalMs: 60_000,
    pongTimeoutMs: 60_000,
    reconnect: { maxRetries: 1, baseMs: 1, factor: 1, maxMs: 1, jitter: 0 },
    hasWaiters: options.waiters ?? (() => true),
    onEnvelope: () => undefined,
    onUnreadable: () => undefined,
    onResumed: (same) => resumed.push(same),
    onLost: (error) => lost.push(error),
  })
  const socket = (n: number) => ScriptedSocket.made[n]!
  return { conn, socket, lost, resumed }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WebSocket connection state', () => {
  it('idle → connecting → authenticating → open', async () => {
    const { conn, socket } = connection()
    const states: WsState[] = [conn.state]
    const ready = conn.ready()
    states.push(conn.state)
    socket(0).opened()
    states.push(conn.state)
    socket(0).authed('session-1')
    await ready
    states.push(conn.state)
    expect(states).toEqual(['idle', 'connecting', 'authenticating', 'open'])
  })

  it('a refused key goes back to idle, and a later reply on that socket changes nothing', async () => {
    const { conn, socket } = connection()
    const ready = conn.ready()
    socket(0).opened()
    socket(0).answer({ errors: [{ code: 'invalidApiKey', taskType: 'authentication', message: 'bad key' }] })
    await expect(ready).rejects.toMatchObject({ kind: 'auth' })
    expect(conn.state).toBe('idle')
    // settled: the refused attempt's later auth reply does not open the connection
    socket(0).onmessage?.({ data: JSON.stringify({ data: [{ taskType: 'authentication', connectionSessionUUID: 'late' }] }) })
    expect(conn.state).toBe('idle')
    expect(() => conn.send('{}')).toThrow()
  })

  it('open → resuming on a drop while tasks wait, → open again with the same session', async () => {
    const { conn, socket, resumed } = connection()
    const ready = conn.ready()
    socket(0).opened()
    socket(0).authed('session-1')
    await ready
    socket(0).dropped()
    expect(conn.state).toBe('resuming')
    await tick()
    socket(1).opened()
    expect(conn.state).toBe('resuming') // authenticating again, but as a resume
    expect(JSON.parse(socket(1).sent[0]!)[0]).toMatchObject({ connectionSessionUUID: 'session-1' })
    socket(1).authed('session-1')
    expect(conn.state).toBe('open')
    expect(resumed).toEqual([true])
  })

  it('resuming → idle when every reconnect fails, and the waiting tasks are told', async () => {
    const { conn, socket, lost } = connection()
    const ready = conn.ready()
    socket(0).opened()
    socket(0).authed('session-1')
    await ready
    socket(0).dropped()
    for (const n of [1, 2]) {
      await tick()
      expect(conn.state).toBe('resuming')
      socket(n).dropped()
    }
    await tick()
    expect(conn.state).toBe('idle')
    expect(lost).toHaveLength(1)
    expect(lost[0]!.interrupted).toBe(true)
  })

  it('open → idle on a drop nobody waits for', async () => {
    const { conn, socket } = connection({ waiters: () => false })
    const ready = conn.ready()
    socket(0).opened()
    socket(0).authed('session-1')
    await ready
    socket(0).dropped()
    expect(conn.state).toBe('idle')
    await tick()
    expect(ScriptedSocket.made).toHaveLength(1)
  })

  it('closed for good: from open, and from authenticating, where a late auth is refused', async () => {
    const first = connection()
    const ready = first.conn.ready()
    first.socket(0).opened()
    first.socket(0).authed('session-1')
    await ready
    first.conn.close()
    expect(first.conn.state).toBe('closed')
    await expect(first.conn.ready()).rejects.toMatchObject({ kind: 'network' })

    const second = connection()
    const opening = second.conn.ready()
    second.socket(0).opened()
    second.conn.close()
    second.socket(0).authed('session-2')
    await expect(opening).rejects.toMatchObject({ kind: 'network' })
    expect(second.conn.state).toBe('closed')
  })
})
