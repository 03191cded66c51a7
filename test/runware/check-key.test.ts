import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { startEmulator, type Emulator } from '../emulator/index'
import { createKeyChecker } from '../../ui/runware/check-key'
import { closedPort, NodeWebSocket } from './helpers'

// Checking a key when it is saved, against the emulator over a real WebSocket: one
// `authentication` task, no inference, and Runware's own words when the key is refused.

let emulator: Emulator
const check = createKeyChecker({ WebSocketImpl: NodeWebSocket, timeoutMs: 2000 })

beforeAll(async () => {
  emulator = await startEmulator()
})

afterAll(async () => {
  await emulator.close()
})

beforeEach(() => {
  emulator.clearFaults()
})

describe('checking a key when it is saved', () => {
  it('says connected for a key Runware accepts, and runs nothing billable', async () => {
    const before = emulator.tasks.length
    await expect(check({ apiKey: emulator.apiKey, wsUrl: emulator.wsUrl })).resolves.toEqual({ kind: 'connected' })
    const sent = emulator.tasks.slice(before).map((t) => (t.task as { taskType?: string }).taskType)
    expect(sent).toEqual(['authentication'])
  })

  it('passes on Runware’s refusal of a wrong key in its own words', async () => {
    await expect(check({ apiKey: 'rw-not-a-real-key', wsUrl: emulator.wsUrl })).resolves.toEqual({
      kind: 'refused',
      message: 'Invalid API key. Get one at https://my.runware.ai/signup',
    })
  })

  it('says Runware could not be reached when nothing listens', async () => {
    const outcome = await check({ apiKey: emulator.apiKey, wsUrl: `ws://127.0.0.1:${await closedPort()}/v1` })
    expect(outcome.kind).toBe('unreachable')
  })

  it('says Runware could not be reached when the socket closes before answering', async () => {
    emulator.injectFault({ kind: 'closeBeforeAuth' })
    const outcome = await check({ apiKey: emulator.apiKey, wsUrl: emulator.wsUrl })
    expect(outcome).toMatchObject({ kind: 'unreachable', detail: expect.stringMatching(/closed before Runware answered/) })
  })
})

describe('what a key check passes on', () => {
  /** A socket that opens at once and answers the authentication frame with `reply`. */
  function answering(reply: unknown): typeof WebSocket {
    return class {
      onopen: (() => void) | null = null
      onmessage: ((event: { data: string }) => void) | null = null
      onclose: ((event: { code: number }) => void) | null = null
      onerror: (() => void) | null = null
      constructor() {
        queueMicrotask(() => this.onopen?.())
      }
      send() {
        queueMicrotask(() => this.onmessage?.({ data: JSON.stringify(reply) }))
      }
      close() {}
    } as unknown as typeof WebSocket
  }

  it('never repeats the key, even when Runware quotes it', async () => {
    const key = 'rw-secret-key-0123456789'
    const quoting = createKeyChecker({
      WebSocketImpl: answering({ errors: [{ code: 'invalidApiKey', message: `Invalid API key ${key}`, taskType: 'authentication' }] }),
      timeoutMs: 1000,
    })
    await expect(quoting({ apiKey: key, wsUrl: 'ws://127.0.0.1:1/v1' })).resolves.toEqual({ kind: 'refused', message: 'Invalid API key [api key]' })
  })

  it('does not call a busy Runware a refusal of the key', async () => {
    const busy = createKeyChecker({ WebSocketImpl: answering({ errors: [{ code: 'rateLimitExceeded', message: 'Too many requests' }] }), timeoutMs: 1000 })
    await expect(busy({ apiKey: 'rw-key-0123456789', wsUrl: 'ws://127.0.0.1:1/v1' })).resolves.toEqual({ kind: 'unreachable', detail: 'Too many requests' })
  })

  it('says unreachable where the runtime has no WebSocket', async () => {
    const none = createKeyChecker({ WebSocketImpl: undefined, timeoutMs: 1000 })
    await expect(none({ apiKey: 'rw-key-0123456789', wsUrl: 'ws://127.0.0.1:1/v1' })).resolves.toMatchObject({ kind: 'unreachable' })
  })
})
