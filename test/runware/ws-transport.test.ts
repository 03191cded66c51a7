import { afterEach, describe, expect, it } from 'vitest'
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws'

import type { RunwareError } from '../../ui/runware/errors'
import type { TaskEvent } from '../../ui/runware/transport'
import { createWsTransport, type WsTransport } from '../../ui/runware/ws-transport'
import { NodeWebSocket, until } from './helpers'

// A tiny scripted server: enough Runware framing to test the client's
// side of authentication, routing, keep-alive and resume without the full emulator.

const KEY = 'rw-unit-key-0001'
const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'

interface Script {
  /** Reply to authentication; default: accept, keeping a resumed session id. */
  auth?: (task: Record<string, unknown>, socket: ServerSocket) => void
  onTask?: (task: Record<string, unknown>, socket: ServerSocket) => void
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function scriptedServer(script: Script) {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const frames: Record<string, unknown>[][] = []
  let sessions = 0
  server.on('connection', (socket) => {
    socket.on('message', (raw) => {
      const tasks = JSON.parse(String(raw)) as Record<string, unknown>[]
      frames.push(tasks)
      for (const task of tasks) {
        if (task.taskType === 'authentication') {
          if (script.auth) script.auth(task, socket)
          else {
            const id = (task.connectionSessionUUID as string | undefined) ?? `session-${++sessions}`
            socket.send(JSON.stringify({ data: [{ taskType: 'authentication', connectionSessionUUID: id }] }))
          }
        } else if (task.taskType === 'ping') socket.send(JSON.stringify({ data: [{ taskType: 'ping', pong: true }] }))
        else script.onTask?.(task, socket)
      }
    })
  })
  const { port } = server.address() as { port: number }
  cleanups.push(() => new Promise<void>((resolve) => {
    for (const client of server.clients) client.terminate()
    server.close(() => resolve())
  }))
  return { url: `ws://127.0.0.1:${port}/v1`, frames, server }
}

function transportTo(url: string, overrides: { authTimeoutMs?: number; pingIntervalMs?: number; pongTimeoutMs?: number } = {}): WsTransport {
  const transport = createWsTransport({
    url,
    apiKey: KEY,
    WebSocketImpl: NodeWebSocket,
    authTimeoutMs: overrides.authTimeoutMs ?? 2000,
    pingIntervalMs: overrides.pingIntervalMs ?? 30_000,
    pongTimeoutMs: overrides.pongTimeoutMs ?? 10_000,
    reconnect: { maxRetries: 3, baseMs: 20, factor: 2, maxMs: 100, jitter: 0 },
  })
  cleanups.push(() => transport.close())
  return transport
}

const result = (taskUUID: string, n: number) => ({ taskType: 'imageInference', taskUUID, imageUUID: `img-${n}`, imageURL: `https://x/${n}.jpg` })

describe('WebSocket transport', () => {
  it('authenticates first, then routes each frame to its task as it arrives', async () => {
    const { url, frames } = await scriptedServer({
      onTask: (task, socket) => {
        socket.send(JSON.stringify({ data: [result(B, 1)] }))
        socket.send(JSON.stringify({ data: [result(task.taskUUID as string, 2)] }))
      },
    })
    const transport = transportTo(url)
    const seen: Record<string, TaskEvent[]> = { [A]: [], [B]: [] }
    transport.subscribe(A, (event) => seen[A]!.push(event))
    transport.subscribe(B, (event) => seen[B]!.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => seen[A]!.length === 1 && seen[B]!.length === 1)
    expect(frames[0]).toEqual([{ taskType: 'authentication', apiKey: KEY }])
    expect(frames[1]).toEqual([{ taskType: 'imageInference', taskUUID: A }])
    expect(seen[A]).toEqual([{ type: 'reply', envelope: { data: [result(A, 2)], errors: [] } }])
    expect(seen[B]).toEqual([{ type: 'reply', envelope: { data: [result(B, 1)], errors: [] } }])
  })

  it('sends run after run on one authenticated socket: no new connection, no second authentication', async () => {
    let connections = 0
    const { url, frames, server } = await scriptedServer({
      onTask: (task, socket) => socket.send(JSON.stringify({ data: [result(task.taskUUID as string, 1)] })),
    })
    server.on('connection', () => connections++)
    const transport = transportTo(url)
    const seen: TaskEvent[] = []
    transport.subscribe(A, (event) => seen.push(event))
    transport.subscribe(B, (event) => seen.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => seen.length === 1)
    await transport.send([{ taskType: 'imageInference', taskUUID: B }])
    await until(() => seen.length === 2)
    expect(connections).toBe(1)
    expect(frames.map((tasks) => tasks[0]!.taskType)).toEqual(['authentication', 'imageInference', 'imageInference'])
  })

  it('refuses a bad key with an auth error and never sends the task', async () => {
    const { url, frames } = await scriptedServer({
      auth: (_task, socket) => {
        socket.send(JSON.stringify({ errors: [{ code: 'invalidApiKey', message: 'Invalid API key.', parameter: 'apiKey', taskType: 'authentication' }] }))
        socket.close(1008)
      },
    })
    const error = await transportTo(url).send([{ taskUUID: A }]).then(() => undefined, (e: RunwareError) => e)
    expect([error?.kind, error?.code]).toEqual(['auth', 'invalidApiKey'])
    expect(frames).toHaveLength(1)
  })

  it('gives up on a silent server after the auth timeout, as not sent', async () => {
    const { url } = await scriptedServer({ auth: () => {} })
    const error = await transportTo(url, { authTimeoutMs: 100 }).connect().then(() => undefined, (e: RunwareError) => e)
    expect([error?.kind, error?.notAccepted]).toEqual(['network', true])
  })

  it('pings while open', async () => {
    const { url, frames } = await scriptedServer({})
    await transportTo(url, { pingIntervalMs: 40 }).connect()
    await until(() => frames.filter((f) => f[0]?.taskType === 'ping').length >= 2)
    expect(frames.at(-1)).toEqual([{ taskType: 'ping', ping: true }])
  })

  it('resumes the session after a drop, so buffered results still arrive', async () => {
    const { url, frames } = await scriptedServer({
      onTask: (task, socket) => {
        socket.send(JSON.stringify({ data: [result(task.taskUUID as string, 1)] }))
        socket.terminate() // the second result is "buffered" and replayed below
      },
      auth: (task, socket) => {
        const id = (task.connectionSessionUUID as string | undefined) ?? 'session-1'
        socket.send(JSON.stringify({ data: [{ taskType: 'authentication', connectionSessionUUID: id }] }))
        if (task.connectionSessionUUID) socket.send(JSON.stringify({ data: [result(A, 2)] }))
      },
    })
    const transport = transportTo(url)
    const events: TaskEvent[] = []
    transport.subscribe(A, (event) => events.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => events.length === 3)
    expect(events.map((e) => e.type)).toEqual(['reply', 'resumed', 'reply'])
    expect(events[1]).toEqual({ type: 'resumed', sameSession: true })
    expect(frames.filter((f) => f[0]?.taskType === 'authentication').at(-1)).toEqual([
      { taskType: 'authentication', apiKey: KEY, connectionSessionUUID: 'session-1' },
    ])
  })

  it('says so when the server did not keep the session', async () => {
    let connections = 0
    const { url } = await scriptedServer({
      auth: (_task, socket) => socket.send(JSON.stringify({ data: [{ taskType: 'authentication', connectionSessionUUID: `fresh-${++connections}` }] })),
      onTask: (_task, socket) => socket.terminate(),
    })
    const transport = transportTo(url)
    const events: TaskEvent[] = []
    transport.subscribe(A, (event) => events.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => events.length === 1)
    expect(events[0]).toEqual({ type: 'resumed', sameSession: false })
  })

  it('reports a lost connection to waiting tasks when it cannot come back', async () => {
    const { url, server } = await scriptedServer({
      onTask: (_task, socket) => {
        server.close() // stop accepting: every reconnect is refused
        socket.terminate()
      },
    })
    const transport = transportTo(url)
    const events: TaskEvent[] = []
    transport.subscribe(A, (event) => events.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => events.length === 1)
    const event = events[0]
    expect(event?.type === 'failed' && [event.error.kind, event.error.notAccepted]).toEqual(['network', false])
  })

  it('treats a socket that stops answering pings as dropped', async () => {
    let connections = 0
    const { server } = { server: new WebSocketServer({ port: 0, host: '127.0.0.1' }) }
    await new Promise<void>((resolve) => server.once('listening', () => resolve()))
    cleanups.push(() => new Promise<void>((resolve) => {
      for (const client of server.clients) client.terminate()
      server.close(() => resolve())
    }))
    server.on('connection', (socket) => {
      connections++
      socket.on('message', (raw) => {
        const [task] = JSON.parse(String(raw)) as Record<string, unknown>[]
        // Answers authentication, then goes silent: pings get nothing back.
        if (task?.taskType === 'authentication') {
          socket.send(JSON.stringify({ data: [{ taskType: 'authentication', connectionSessionUUID: (task.connectionSessionUUID as string) ?? 's' }] }))
        }
      })
    })
    const { port } = server.address() as { port: number }
    const transport = transportTo(`ws://127.0.0.1:${port}/v1`, { pingIntervalMs: 30, pongTimeoutMs: 60 })
    const events: TaskEvent[] = []
    transport.subscribe(A, (event) => events.push(event))
    await transport.connect()
    await until(() => events.some((e) => e.type === 'resumed'))
    expect(connections).toBeGreaterThanOrEqual(2)
  })

  it('flags frames it cannot read', async () => {
    const { url } = await scriptedServer({ onTask: (_task, socket) => socket.send('{"data":[{"taskUUID":') })
    const transport = transportTo(url)
    const events: TaskEvent[] = []
    transport.subscribe(A, (event) => events.push(event))
    await transport.send([{ taskType: 'imageInference', taskUUID: A }])
    await until(() => events.length === 1)
    expect(events[0]).toMatchObject({ type: 'unreadable', detail: expect.stringMatching(/not JSON/) })
  })
})
