import { describe, expect, it } from 'vitest'

import type { RunwareError } from '../../ui/runware/errors'
import { createRestTransport } from '../../ui/runware/rest-transport'
import type { TaskEvent } from '../../ui/runware/transport'
import { closedPort, IMAGE_UUID, TASK_UUID } from './helpers'

const KEY = 'rw-secret-key-123456'

function replying(status: number, body: string, seen: { url?: string; init?: RequestInit } = {}): typeof fetch {
  return (async (url: RequestInfo | URL, init?: RequestInit) => {
    seen.url = String(url)
    seen.init = init
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } })
  }) as typeof fetch
}

function transportWith(fetchImpl: typeof fetch, requestTimeoutMs = 5000) {
  return createRestTransport({ url: 'https://api.example/v1', apiKey: KEY, fetchImpl, requestTimeoutMs })
}

async function failure(promise: Promise<unknown>): Promise<RunwareError> {
  try {
    await promise
  } catch (error) {
    return error as RunwareError
  }
  throw new Error('expected a rejection')
}

describe('REST transport', () => {
  it('POSTs a JSON array with the Bearer key and routes the reply by taskUUID', async () => {
    const seen: { url?: string; init?: RequestInit } = {}
    const item = { taskType: 'imageInference', taskUUID: TASK_UUID, imageUUID: IMAGE_UUID, imageURL: 'https://x/y.jpg' }
    const transport = transportWith(replying(200, JSON.stringify({ data: [item] }), seen))
    const events: TaskEvent[] = []
    transport.subscribe(TASK_UUID, (event) => events.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: TASK_UUID }])
    expect(seen.url).toBe('https://api.example/v1')
    expect(seen.init?.method).toBe('POST')
    expect(seen.init?.headers).toMatchObject({ Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' })
    expect(JSON.parse(String(seen.init?.body))).toEqual([{ taskType: 'imageInference', taskUUID: TASK_UUID }])
    expect(events).toEqual([{ type: 'reply', envelope: { data: [item], errors: [] } }])
  })

  it('hands errors that came with a 200 to the task, even without a taskUUID', async () => {
    const transport = transportWith(replying(200, JSON.stringify({ data: [], errors: [{ code: 'timeoutProvider', message: 'slow' }] })))
    const events: TaskEvent[] = []
    transport.subscribe(TASK_UUID, (event) => events.push(event))
    await transport.send([{ taskUUID: TASK_UUID }])
    expect(events).toEqual([{ type: 'reply', envelope: { data: [], errors: [{ code: 'timeoutProvider', message: 'slow' }] } }])
  })

  it('rejects a non-2xx reply with the classified error', async () => {
    const body = JSON.stringify({ errors: [{ code: 'invalidApiKey', message: 'Invalid API key.', parameter: 'apiKey' }] })
    const error = await failure(transportWith(replying(401, body)).send([{ taskUUID: TASK_UUID }]))
    expect([error.kind, error.status, error.code, error.taskUUID]).toEqual(['auth', 401, 'invalidApiKey', TASK_UUID])
    const busy = await failure(transportWith(replying(429, '{"errors":[]}')).send([{ taskUUID: TASK_UUID }]))
    expect([busy.kind, busy.notAccepted]).toEqual(['rateLimit', true])
    const html = await failure(transportWith(replying(502, '<html>Bad gateway</html>')).send([{ taskUUID: TASK_UUID }]))
    expect([html.kind, html.detail]).toEqual(['server', 'HTTP 502 · <html>Bad gateway</html>'])
  })

  it('reports an unreadable 200 as a server error that may have been accepted', async () => {
    const error = await failure(transportWith(replying(200, '{"data":[{"taskUU')).send([{ taskUUID: TASK_UUID }]))
    expect([error.kind, error.notAccepted, error.taskUUID]).toEqual(['server', false, TASK_UUID])
  })

  it('knows a refused connection was never sent', async () => {
    const port = await closedPort()
    const transport = createRestTransport({ url: `http://127.0.0.1:${port}/v1`, apiKey: KEY, fetchImpl: fetch, requestTimeoutMs: 5000 })
    const error = await failure(transport.send([{ taskUUID: TASK_UUID }]))
    expect([error.kind, error.notAccepted]).toEqual(['network', true])
    expect(error.detail).not.toContain(KEY)
  })

  it('treats a generic fetch failure as possibly sent', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch')
    }) as typeof fetch
    const error = await failure(transportWith(failing).send([{ taskUUID: TASK_UUID }]))
    expect([error.kind, error.notAccepted]).toEqual(['network', false])
  })

  it('stops waiting on cancel and on its own timeout', async () => {
    const hanging = ((_url: RequestInfo | URL, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch
    const controller = new AbortController()
    const cancelled = transportWith(hanging).send([{ taskUUID: TASK_UUID }], controller.signal)
    controller.abort()
    expect((await failure(cancelled)).kind).toBe('cancelled')
    const timedOut = await failure(transportWith(hanging, 20).send([{ taskUUID: TASK_UUID }]))
    expect([timedOut.kind, timedOut.notAccepted]).toEqual(['timeout', false])
  })
})
