import { describe, expect, it } from 'vitest'

import { createTransportProvider } from '../../ui/runware/auto-transport'
import { classifyError } from '../../ui/runware/classify-error'
import { networkError, type RunwareError } from '../../ui/runware/errors'
import { TaskRouter, type TaskEvent } from '../../ui/runware/transport'
import type { WsTransport } from '../../ui/runware/ws-transport'
import { FakeTransport } from './fake-transport'

function fakeWs(connect: () => Promise<void>): WsTransport & { connects: number; closed: boolean } {
  const base = new FakeTransport('websocket')
  const ws = {
    name: 'websocket' as const,
    connects: 0,
    closed: false,
    subscribe: base.subscribe.bind(base),
    send: base.send.bind(base),
    connect: () => {
      ws.connects++
      return connect()
    },
    close: () => void (ws.closed = true),
  }
  return ws
}

describe('createTransportProvider', () => {
  it('auto: keeps the socket when it opens', async () => {
    const ws = fakeWs(async () => {})
    const provider = createTransportProvider('auto', () => ws, () => new FakeTransport('rest'))
    const [a, b] = await Promise.all([provider.get(), provider.get()])
    expect([a.name, b.name, provider.chosen, ws.connects]).toEqual(['websocket', 'websocket', 'websocket', 1])
  })

  it('auto: falls back to REST once for good when the socket cannot open', async () => {
    const ws = fakeWs(async () => {
      throw networkError('ECONNREFUSED', true)
    })
    const provider = createTransportProvider('auto', () => ws, () => new FakeTransport('rest'))
    expect((await provider.get()).name).toBe('rest')
    expect((await provider.get()).name).toBe('rest')
    expect([ws.connects, ws.closed, provider.chosen]).toEqual([1, true, 'rest'])
  })

  it('auto: a refused key is reported, not taken as a reason to switch', async () => {
    const ws = fakeWs(async () => {
      throw classifyError({ code: 'invalidApiKey' })
    })
    const provider = createTransportProvider('auto', () => ws, () => new FakeTransport('rest'))
    const error = await provider.get().then(() => undefined, (e: RunwareError) => e)
    expect([error?.kind, provider.chosen]).toEqual(['auth', undefined])
  })

  it('auto: one caller cancelling does not cancel the shared decision', async () => {
    let open: () => void = () => {}
    const ws = fakeWs(() => new Promise<void>((resolve) => (open = resolve)))
    const provider = createTransportProvider('auto', () => ws, () => new FakeTransport('rest'))
    const controller = new AbortController()
    const cancelled = provider.get(controller.signal)
    const patient = provider.get()
    controller.abort()
    open()
    expect(await cancelled.then(() => 'resolved', (e: RunwareError) => e.kind)).toBe('cancelled')
    expect((await patient).name).toBe('websocket')
  })

  it('fixed modes never try the other wire', async () => {
    const ws = fakeWs(async () => {})
    expect((await createTransportProvider('rest', () => ws, () => new FakeTransport('rest')).get()).name).toBe('rest')
    expect((await createTransportProvider('websocket', () => ws, () => new FakeTransport('rest')).get()).name).toBe('websocket')
    expect(ws.connects).toBe(0) // websocket mode connects on first send, with retries
  })
})

describe('TaskRouter', () => {
  it('never hands an item to a task it does not belong to', () => {
    const router = new TaskRouter()
    const seen: TaskEvent[] = []
    router.subscribe('mine', (event) => seen.push(event))
    router.route({ data: [{ taskUUID: 'finished-earlier', imageUUID: 'x' }], errors: [{ code: 'x', taskUUID: 'other' }] })
    expect(seen).toEqual([])
    router.route({ data: [], errors: [{ code: 'invalidRequestBody' }] }) // no taskUUID at all: everyone hears it
    expect(seen).toHaveLength(1)
  })

  it('stops routing after unsubscribe', () => {
    const router = new TaskRouter()
    const seen: TaskEvent[] = []
    const off = router.subscribe('t', (event) => seen.push(event))
    off()
    router.route({ data: [{ taskUUID: 't' }], errors: [] })
    expect([seen.length, router.size]).toEqual([0, 0])
  })
})
