// WebSocket transport: auth, ping, idle close, resume, and results
// arriving as they complete.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { inferenceTask, WsClient, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
const clients: WsClient[] = []
beforeEach(async () => {
  emu = await startEmulator()
})
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close())
  await emu.close()
})

async function connect(): Promise<WsClient> {
  const client = await WsClient.open(emu.wsUrl)
  clients.push(client)
  return client
}

describe('WebSocket authentication', () => {
  it('answers a good key with a connectionSessionUUID', async () => {
    const ws = await connect()
    ws.send([{ taskType: 'authentication', apiKey: emu.apiKey }])
    const [frame] = await ws.waitFrames(1)
    expect(frame).toEqual({ data: [{ taskType: 'authentication', connectionSessionUUID: expect.stringMatching(/^[0-9a-f-]{36}$/) }] })
  })

  it('answers a bad key with the invalidApiKey errors frame and closes', async () => {
    const ws = await connect()
    ws.send([{ taskType: 'authentication', apiKey: 'rw-wrong' }])
    const [frame] = await ws.waitFrames(1)
    expect(frame).toEqual({ errors: [expect.objectContaining({
      code: 'invalidApiKey', message: 'Invalid API key. Get one at https://my.runware.ai/signup', parameter: 'apiKey', taskType: 'authentication',
    })] })
    expect((await ws.closed).code).toBe(1008)
  })

  it('answers an authentication task without apiKey with missingApiKey', async () => {
    const ws = await connect()
    ws.send([{ taskType: 'authentication' }])
    const [frame] = await ws.waitFrames(1)
    expect(frame!.errors[0].code).toBe('missingApiKey')
    await ws.closed
  })

  it('refuses a first frame that is not authentication, then closes', async () => {
    const ws = await connect()
    ws.send([await inferenceTask()])
    const [frame] = await ws.waitFrames(1)
    expect(frame!.errors[0]).toMatchObject({ code: 'missingApiKey', parameter: 'apiKey' })
    expect((await ws.closed).code).toBe(1008)
  })

  it('processes tasks sent in the same frame as the authentication', async () => {
    const ws = await connect()
    ws.send([{ taskType: 'authentication', apiKey: emu.apiKey }, { taskType: 'ping', ping: true }])
    const frames = await ws.waitFrames(2)
    expect(frames[0]!.data[0].taskType).toBe('authentication')
    expect(frames[1]).toEqual({ data: [{ taskType: 'ping', pong: true }] })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ws.frames).toHaveLength(2)
  })

  it('confirms the same session when an open socket authenticates again', async () => {
    const ws = await connect()
    const session = await ws.authenticate(emu.apiKey)
    expect(await ws.authenticate(emu.apiKey)).toBe(session)
  })

  it('refuses a frame that is not a JSON array', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    ws.send('{"taskType":"ping"}')
    const frames = await ws.waitFrames(2)
    expect(frames[1]!.errors[0].code).toBe('invalidRequestBody')
  })

  it('fails tasks with invalidApiKey once the key is revoked, on an open socket', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    emu.revokeKey(emu.apiKey)
    const task = await inferenceTask()
    ws.send([task])
    const frames = await ws.waitFrames(2)
    expect(frames[1]).toEqual({ errors: [expect.objectContaining({ code: 'invalidApiKey', taskUUID: task.taskUUID })] })
  })

  it('records tasks received over the socket', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    expect(emu.tasks).toEqual([expect.objectContaining({ transport: 'ws', task: { taskType: 'authentication', apiKey: emu.apiKey } })])
    expect(emu.stats.requestBytes).toBeGreaterThan(0)
    expect(emu.stats.responseBytes).toBe(Buffer.byteLength(ws.raw[0]!))
  })
})

describe('keep-alive and idle close', () => {
  it('answers ping with pong', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    ws.send([{ taskType: 'ping', ping: true }])
    const frames = await ws.waitFrames(2)
    expect(frames[1]).toEqual({ data: [{ taskType: 'ping', pong: true }] })
  })

  it('closes a socket after idleTimeoutMs without messages', async () => {
    emu.setOptions({ idleTimeoutMs: 150 })
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    const started = Date.now()
    expect((await ws.closed).code).toBe(1000)
    expect(Date.now() - started).toBeGreaterThanOrEqual(100)
  })

  it('keeps a socket open while pings keep coming', async () => {
    emu.setOptions({ idleTimeoutMs: 600 })
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    for (let i = 0; i < 8; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      ws.send([{ taskType: 'ping', ping: true }])
    }
    await ws.waitFrames(9)
    expect(ws.socket.readyState).toBe(ws.socket.OPEN)
  })
})

describe('results', () => {
  it('sends each result as its own frame, one by one, in order', async () => {
    emu.setOptions({ staggerMs: 300 })
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    const task = await inferenceTask({ numberResults: 3 })
    ws.send([task])
    const arrivals: number[] = []
    for (let n = 2; n <= 4; n++) {
      await ws.waitFrames(n)
      arrivals.push(Date.now())
    }
    const results = ws.frames.slice(1, 4)
    results.forEach((frame) => {
      expect(frame.data).toHaveLength(1)
      expect(frame.data[0]).toMatchObject({ taskType: 'imageInference', taskUUID: task.taskUUID })
    })
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(100)
    expect(arrivals[2]! - arrivals[1]!).toBeGreaterThanOrEqual(100)
    expect(new Set(results.map((f) => f.data[0].imageUUID)).size).toBe(3)
  })

  it('sends a validation error as an errors frame naming the task', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    const task = await inferenceTask({ numberResults: 30 })
    ws.send([task])
    const frames = await ws.waitFrames(2)
    expect(frames[1]).toEqual({ errors: [expect.objectContaining({ code: 'invalidNumberResults', parameter: 'numberResults', taskUUID: task.taskUUID })] })
  })
})

describe('shutdown', () => {
  it('close() closes open sockets', async () => {
    const ws = await connect()
    await ws.authenticate(emu.apiKey)
    await emu.close()
    expect((await ws.closed).code).toBe(1006)
  })
})

describe('session resume', () => {
  it('replays the results produced while the client was away, in order', async () => {
    emu.setOptions({ staggerMs: 100 })
    emu.injectFault({ kind: 'dropSocket', afterResults: 1 })
    const first = await connect()
    const session = await first.authenticate(emu.apiKey)
    const task = await inferenceTask({ numberResults: 3 })
    first.send([task])
    await first.closed
    const delivered = first.frames.slice(1)
    expect(delivered).toHaveLength(1)
    // Stay away long enough for the remaining results to be produced, then come back.
    await new Promise((resolve) => setTimeout(resolve, 350))
    const second = await connect()
    expect(await second.authenticate(emu.apiKey, session)).toBe(session)
    const replayed = (await second.waitFrames(3)).slice(1)
    const all = [...delivered, ...replayed].map((f: Json) => f.data[0])
    expect(all.map((i) => i.taskUUID)).toEqual([task.taskUUID, task.taskUUID, task.taskUUID])
    expect(new Set(all.map((i) => i.imageUUID)).size).toBe(3)
  })

  it('starts a fresh session when the buffer window has passed', async () => {
    emu.setOptions({ resumeBufferMs: 100 })
    const first = await connect()
    const session = await first.authenticate(emu.apiKey)
    first.close()
    await first.closed
    await new Promise((resolve) => setTimeout(resolve, 250))
    const second = await connect()
    expect(await second.authenticate(emu.apiKey, session)).not.toBe(session)
  })

  it('does not hand a session to another key', async () => {
    emu.setOptions({ apiKeys: [emu.apiKey, 'rw-other-key'] })
    const first = await connect()
    const session = await first.authenticate(emu.apiKey)
    first.close()
    const second = await connect()
    expect(await second.authenticate('rw-other-key', session)).not.toBe(session)
  })
})
