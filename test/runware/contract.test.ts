import { createServer, type Server } from 'node:http'

import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS, type GenerationOptions } from '../../ui/runware/generation-options'
import { startEmulator, type Emulator, type Fault } from '../emulator/index'
import { buildInferenceTask } from '../../ui/runware/build-task'
import { createRunwareClient, type RunwareClient } from '../../ui/runware/client'
import type { RunwareError } from '../../ui/runware/errors'
import type { GenerateSummary } from '../../ui/runware/inference-run'
import { readResultImage } from '../../ui/runware/result-image'
import type { InferenceTask } from '../../ui/runware/task-schema'
import type { ErrorKind } from '../../ui/runware/errors'
import type { ClientStatus, ConnectionMode, InferenceResult } from '../../ui/runware/types'
import { closedPort, NodeWebSocket, until } from './helpers'

// The client against the local Runware emulator (test/emulator), over both transports: what
// the client sends is what the model page allows, and every answer and fault the emulator can give
// reaches the caller as the right result or error kind.

const FAST = {
  authTimeoutMs: 2000,
  retry: { maxRetries: 3, baseMs: 40, factor: 2, maxMs: 200, jitter: 0.3 },
  reconnect: { maxRetries: 4, baseMs: 40, factor: 2, maxMs: 200, jitter: 0.3 },
  poll: { firstMs: 100, factor: 1.5, maxMs: 400, timeoutMs: 15_000 },
}

let emulator: Emulator
let reference: string // a small PNG as a data URI, aspect 4:3
const clients: RunwareClient[] = []
let hooks: { server: Server; url: string; calls: { method: string; path: string; type: string; bytes: number }[] }

beforeAll(async () => {
  emulator = await startEmulator()
  const png = await sharp({ create: { width: 160, height: 120, channels: 3, background: { r: 40, g: 120, b: 200 } } }).png().toBuffer()
  reference = `data:image/png;base64,${png.toString('base64')}`
  const calls: { method: string; path: string; type: string; bytes: number }[] = []
  const server = createServer((req, res) => {
    let bytes = 0
    req.on('data', (chunk: Buffer) => (bytes += chunk.length))
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: req.url ?? '', type: String(req.headers['content-type']), bytes })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  hooks = { server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, calls }
})

afterAll(async () => {
  for (const client of clients.splice(0)) client.close()
  await emulator.close()
  await new Promise<void>((resolve) => hooks.server.close(() => resolve()))
})

beforeEach(() => {
  emulator.clearFaults()
  emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
  for (const client of clients.splice(0)) client.close()
})

function clientFor(connection: ConnectionMode, overrides: { wsUrl?: string; WebSocketImpl?: typeof WebSocket; apiKey?: string } = {}): RunwareClient {
  const client = createRunwareClient({
    apiKey: overrides.apiKey ?? emulator.apiKey,
    connection,
    restUrl: `${emulator.url}/v1`,
    wsUrl: overrides.wsUrl ?? emulator.wsUrl,
    WebSocketImpl: overrides.WebSocketImpl ?? NodeWebSocket,
    tuning: FAST,
  })
  clients.push(client)
  return client
}

function makeTask(options: Partial<GenerationOptions> = {}, size = { width: 720, height: 720 }, numberResults = 1, refs?: string[]): InferenceTask {
  const built = buildInferenceTask({
    prompt: 'A coral-pink greenhouse on stilts above a tidal flat',
    ...size,
    numberResults,
    referenceImages: refs ?? [reference],
    options: { ...DEFAULT_GENERATION_OPTIONS, ...options },
  })
  if (!built.ok) throw built.error
  return built.task
}

interface Outcome {
  failures: RunwareError[]
  summary?: GenerateSummary
  error?: RunwareError
  results: InferenceResult[]
  times: number[]
  statuses: ClientStatus[]
  endedAt: number
}

async function generate(client: RunwareClient, task: InferenceTask, signal?: AbortSignal, onResult?: (r: InferenceResult) => void): Promise<Outcome> {
  const results: InferenceResult[] = []
  const times: number[] = []
  const statuses: ClientStatus[] = []
  const failures: RunwareError[] = []
  const handlers = {
    onFailed: (error: RunwareError) => failures.push(error),
    onResult: (result: InferenceResult) => {
      results.push(result)
      times.push(performance.now())
      onResult?.(result)
    },
    onStatus: (status: ClientStatus) => statuses.push(status),
  }
  try {
    const summary = await client.generate(task, handlers, signal)
    return { summary, results, failures, times, statuses, endedAt: performance.now() }
  } catch (error) {
    return { error: error as RunwareError, results, failures, times, statuses, endedAt: performance.now() }
  }
}

function recorded(taskUUID: string, taskType = 'imageInference') {
  return emulator.tasks.filter((r) => r.task.taskUUID === taskUUID && r.task.taskType === taskType)
}

async function decoded(result: InferenceResult) {
  const image = await readResultImage(result)
  const meta = await sharp(Buffer.from(image.bytes)).metadata()
  return { format: image.format, sharpFormat: meta.format, width: meta.width, height: meta.height }
}

describe.each(['websocket', 'rest'] as const)('over %s', (connection) => {
  const wire = connection === 'websocket' ? 'ws' : 'rest'

  it('sends every seed option as given and gets back images of the asked size and format', async () => {
    const client = clientFor(connection)
    const variants: [Partial<GenerationOptions>, { width: number; height: number }, string][] = [
      [{ outputType: 'URL', outputFormat: 'PNG', outputQuality: 50, ttl: 120, includeCost: true, safety: { checkContent: true, mode: 'none' }, publicFigureThreshold: 'low' }, { width: 1360, height: 768 }, 'png'],
      [{ outputType: 'base64Data', outputFormat: 'WEBP', outputQuality: 20, includeCost: false, safety: { checkContent: false, mode: 'fast' } }, { width: 720, height: 960 }, 'webp'],
      [{ outputType: 'dataURI', outputFormat: 'JPG', outputQuality: 99, safety: { checkContent: true, mode: 'fast' } }, { width: 1280, height: 720 }, 'jpeg'],
    ]
    for (const [options, size, sharpFormat] of variants) {
      const task = { ...makeTask(options, size, 2), webhookURL: `${hooks.url}/hook`, uploadEndpoint: `${hooks.url}/put` }
      const outcome = await generate(client, task)
      expect(outcome.error).toBeUndefined()
      expect(recorded(task.taskUUID).map((r) => [r.transport, r.task])).toEqual([[wire, task]])
      expect(outcome.results).toHaveLength(2)
      for (const result of outcome.results) {
        expect(await decoded(result)).toEqual({ format: task.outputFormat, sharpFormat, ...size })
        expect(result.taskUUID).toBe(task.taskUUID)
        expect(typeof result.seed).toBe('number')
        expect(result.cost !== undefined).toBe(task.includeCost === true)
        expect(typeof result.NSFWContent === 'boolean').toBe(task.safety !== undefined && task.safety.mode !== 'none')
      }
      expect(new Set(outcome.results.map((r) => r.imageUUID)).size).toBe(2)
      if (task.includeCost) expect(outcome.summary?.cost).toBeCloseTo(0.04)
    }
    // Each result was also POSTed to the webhook and PUT to the upload endpoint.
    await until(() => hooks.calls.filter((c) => c.method === 'PUT').length >= 6 && hooks.calls.filter((c) => c.method === 'POST').length >= 6)
    expect(hooks.calls.filter((c) => c.method === 'PUT').map((c) => c.type).sort()).toEqual(
      ['image/jpeg', 'image/jpeg', 'image/png', 'image/png', 'image/webp', 'image/webp'],
    )
    hooks.calls.splice(0)
  })

  it('sends deliveryMethod async and collects the results through getResponse', async () => {
    const client = createRunwareClient({
      apiKey: emulator.apiKey,
      connection,
      restUrl: `${emulator.url}/v1`,
      wsUrl: emulator.wsUrl,
      WebSocketImpl: NodeWebSocket,
    })
    clients.push(client)
    emulator.setOptions({ latencyMs: 300, staggerMs: 300 })
    const task = makeTask({ deliveryMethod: 'async' }, undefined, 3)
    const outcome = await generate(client, task)
    expect(outcome.error).toBeUndefined()
    expect(outcome.results).toHaveLength(3)
    expect(outcome.statuses.some((s) => s.kind === 'polling')).toBe(true)
    expect(recorded(task.taskUUID)).toHaveLength(1)
    expect(recorded(task.taskUUID, 'getResponse').length).toBeGreaterThanOrEqual(1)
  })

  it.each<{ name: string; fault: Fault; kind: ErrorKind; times: number }>([
    { name: 'HTTP 400', fault: { kind: 'status', status: 400 }, kind: 'validation', times: 1 },
    { name: 'HTTP 401', fault: { kind: 'status', status: 401 }, kind: 'auth', times: 1 },
    { name: 'HTTP 402', fault: { kind: 'status', status: 402 }, kind: 'credits', times: 1 },
    { name: 'HTTP 403', fault: { kind: 'status', status: 403 }, kind: 'auth', times: 1 },
    { name: 'HTTP 429 that persists', fault: { kind: 'status', status: 429 }, kind: 'rateLimit', times: 10 },
    { name: 'HTTP 500', fault: { kind: 'status', status: 500 }, kind: 'server', times: 1 },
    { name: 'HTTP 503 that persists', fault: { kind: 'status', status: 503 }, kind: 'rateLimit', times: 10 },
    { name: 'HTTP 504 that persists', fault: { kind: 'status', status: 504 }, kind: 'rateLimit', times: 10 },
    { name: 'provider timeout', fault: { kind: 'providerTimeout' }, kind: 'timeout', times: 1 },
    { name: 'moderation', fault: { kind: 'moderation' }, kind: 'moderation', times: 1 },
    { name: 'reference download failure', fault: { kind: 'downloadFailed' }, kind: 'server', times: 1 },
    { name: 'malformed replies that persist', fault: { kind: 'malformedBody' }, kind: 'server', times: 20 },
  ])('fault "$name" reaches the caller as $kind', async ({ fault, kind, times }) => {
    const client = clientFor(connection)
    await client.uploadImage(reference) // opens the connection before the fault is queued
    emulator.injectFault(fault, times)
    const task = makeTask()
    const outcome = await generate(client, task)
    expect(outcome.error?.kind).toBe(kind)
    expect(outcome.results).toEqual([])
    expect(outcome.error?.message).not.toContain(emulator.apiKey)
    expect(outcome.error?.detail).not.toContain(emulator.apiKey)
    // Never a second paid task for the same request: refusals as busy (429/503) are re-sent
    // with the same taskUUID, a bounded number of times, which cannot start a second task.
    const resent = fault.kind === 'status' && [429, 503].includes(fault.status)
    expect(recorded(task.taskUUID)).toHaveLength(resent ? 4 : 1)
    // A 504 may come after Runware took the task: it is asked about by id, never sent blindly again,
    // and while Runware keeps answering 504 the run is interrupted (kept for later), not failed.
    const gatewayTimeout = fault.kind === 'status' && fault.status === 504
    if (gatewayTimeout) expect(recorded(task.taskUUID, 'getResponse').length).toBeGreaterThanOrEqual(1)
    expect(outcome.error?.interrupted).toBe(gatewayTimeout)
  })

  const mixed: { name: string; options: Partial<GenerationOptions>; fault: Fault }[] = [
    { name: 'sync', options: {}, fault: { kind: 'failedResults', indexes: [1] } },
    { name: 'sync, one frame', options: {}, fault: { kind: 'failedResults', indexes: [0, 2], grouped: true } },
    { name: 'async getResponse', options: { deliveryMethod: 'async' }, fault: { kind: 'failedResults', indexes: [2] } },
    { name: 'a failure after 1 result', options: {}, fault: { kind: 'failAfter', afterResults: 1 } },
  ]
  it.each(mixed)('mixed reply ($name): every success is handed over, each failed generation reported', async ({ options, fault }) => {
    const client = clientFor(connection)
    await client.uploadImage(reference)
    emulator.injectFault(fault)
    const task = makeTask(options, undefined, 3)
    const made = () => emulator.results.filter((r) => r.taskUUID === task.taskUUID).map((r) => r.imageUUID)
    const outcome = await generate(client, task)
    expect(outcome.error).toBeUndefined()
    expect(outcome.results.map((r) => r.imageUUID).sort()).toEqual(made().sort())
    expect(outcome.results.length + outcome.failures.length).toBe(3)
    expect(outcome.failures.every((f) => f.kind === 'timeout')).toBe(true)
    expect(recorded(task.taskUUID)).toHaveLength(1)
  })

  it('truncated images: each is reported damaged on its own, none handed over', async () => {
    const client = clientFor(connection)
    await client.uploadImage(reference)
    emulator.injectFault({ kind: 'truncatedImage' })
    const outcome = await generate(client, makeTask({}, undefined, 2))
    expect(outcome.error).toBeUndefined()
    expect(outcome.results).toEqual([])
    expect(outcome.failures.map((f) => f.message)).toEqual(['This image arrived damaged. Generate it again.', 'This image arrived damaged. Generate it again.'])
  })

  it('recovers from one malformed reply through getResponse, without a second task', async () => {
    const client = clientFor(connection)
    await client.uploadImage(reference)
    emulator.injectFault({ kind: 'malformedBody' })
    const task = makeTask({}, undefined, 2)
    const outcome = await generate(client, task)
    expect(outcome.error).toBeUndefined()
    expect(outcome.results).toHaveLength(2)
    expect(recorded(task.taskUUID)).toHaveLength(1)
    expect(recorded(task.taskUUID, 'getResponse').length).toBeGreaterThanOrEqual(1)
  })

  it('a damaged URL image is caught when it is read', async () => {
    const client = clientFor(connection)
    emulator.injectFault({ kind: 'truncatedImage' })
    const outcome = await generate(client, makeTask({ outputType: 'URL', outputFormat: 'PNG' }))
    expect(outcome.results).toHaveLength(1) // the link itself is fine; the bytes behind it are not
    const error = await readResultImage(outcome.results[0]!).then(() => undefined, (e: RunwareError) => e)
    expect(error?.kind).toBe('server')
  })

  it('a key revoked mid-session is an auth error', async () => {
    const apiKey = `rw-revoked-${connection}-0000`
    emulator.setOptions({ apiKeys: [emulator.apiKey, apiKey] })
    const client = clientFor(connection, { apiKey })
    await client.uploadImage(reference)
    emulator.revokeKey(apiKey)
    const outcome = await generate(client, makeTask())
    expect(outcome.error?.kind).toBe('auth')
    expect(outcome.error?.message).toBe("Runware didn't accept this API key. Check it in Settings.")
  })

  it('streams results in completion order when they finish apart', async () => {
    const client = clientFor(connection)
    const stagger = 400
    emulator.setOptions({ staggerMs: stagger })
    const outcome = await generate(client, makeTask({}, undefined, 3))
    expect(outcome.results).toHaveLength(3)
    // The summary names every delivered result but no longer holds its pixels: they were
    // handed over once, and keeping 20 data URIs until the run ends would pin them in memory.
    expect(outcome.summary?.results.map((r) => r.imageUUID)).toEqual(outcome.results.map((r) => r.imageUUID))
    for (const summarised of outcome.summary?.results ?? []) {
      expect(summarised.imageDataURI ?? summarised.imageBase64Data).toBeUndefined()
    }
    const [first, , last] = outcome.times as [number, number, number]
    if (connection === 'websocket') {
      // Finished 2 × 400 ms apart: the first must be on screen long before the last arrives.
      expect(last - first).toBeGreaterThan(stagger)
      expect(outcome.endedAt - first).toBeGreaterThan(stagger)
    } else {
      // REST has one body: everything lands together, after the last one was made.
      expect(last - first).toBeLessThan(stagger / 2)
    }
  })

  it('cancelling stops delivery at once and rejects as cancelled', async () => {
    const client = clientFor(connection)
    emulator.setOptions({ latencyMs: 100, staggerMs: 250 })
    const controller = new AbortController()
    const task = makeTask({}, undefined, 3)
    const pending = generate(client, task, controller.signal, () => controller.abort())
    const outcome = connection === 'rest'
      ? await (async () => {
        // REST delivers all at once, so cancel while the request is still out.
        setTimeout(() => controller.abort(), 150)
        return pending
      })()
      : await pending
    expect(outcome.error?.kind).toBe('cancelled')
    expect(outcome.results.length).toBeLessThanOrEqual(1)
    const delivered = outcome.results.length
    await new Promise((resolve) => setTimeout(resolve, 700)) // the rest are produced meanwhile
    expect(outcome.results).toHaveLength(delivered)
  })

  it('uploads an image and the returned UUID works as a reference', async () => {
    const client = clientFor(connection)
    const asDataUri = await client.uploadImage(reference)
    const asBase64 = await client.uploadImage(reference.slice(reference.indexOf(',') + 1))
    for (const upload of [asDataUri, asBase64]) {
      expect(upload.imageUUID).toMatch(/^[0-9a-f-]{36}$/)
      expect(upload.imageURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/images\//)
    }
    const task = makeTask({}, undefined, 1, [asDataUri.imageUUID, asBase64.imageUUID])
    const outcome = await generate(client, task)
    expect(outcome.error).toBeUndefined()
    expect(outcome.results).toHaveLength(1)
    expect(recorded(task.taskUUID)[0]?.task.inputs).toEqual({ referenceImages: [asDataUri.imageUUID, asBase64.imageUUID] })
  })

  it('refuses an upload that is not image data, before sending', async () => {
    const client = clientFor(connection)
    const error = await client.uploadImage('hello there').then(() => undefined, (e: RunwareError) => e)
    expect([error?.kind, error?.field]).toEqual(['validation', 'image'])
  })
})

describe('over websocket only', () => {
  it('resumes after a dropped socket without losing or repeating a result', async () => {
    const client = clientFor('websocket')
    await client.uploadImage(reference)
    emulator.setOptions({ staggerMs: 200 })
    emulator.injectFault({ kind: 'dropSocket', afterResults: 1 })
    const task = makeTask({}, undefined, 4)
    const outcome = await generate(client, task)
    expect(outcome.error).toBeUndefined()
    expect(outcome.results).toHaveLength(4)
    expect(new Set(outcome.results.map((r) => r.imageUUID)).size).toBe(4)
    expect(outcome.statuses).toContainEqual({ kind: 'resumed' })
    expect(recorded(task.taskUUID)).toHaveLength(1)
  })

  it('retries a socket closed before authentication, then runs', async () => {
    const client = clientFor('websocket')
    emulator.injectFault({ kind: 'closeBeforeAuth' })
    const outcome = await generate(client, makeTask())
    expect(outcome.error).toBeUndefined()
    expect(outcome.statuses.some((s) => s.kind === 'retrying')).toBe(true)
    expect(client.transport).toBe('websocket')
  })

  it('a refused socket stays a network error in websocket mode', async () => {
    const client = clientFor('websocket', { wsUrl: `ws://127.0.0.1:${await closedPort()}/v1` })
    const outcome = await generate(client, makeTask())
    expect([outcome.error?.kind, outcome.error?.retryable]).toEqual(['network', true])
    expect(outcome.statuses.filter((s) => s.kind === 'retrying')).toHaveLength(FAST.retry.maxRetries)
  })
})

describe('auto connection', () => {
  it('falls back to REST when the socket cannot open, and keeps that choice', async () => {
    let sockets = 0
    const Counting = class extends NodeWebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols)
        sockets++
      }
    }
    const client = clientFor('auto', { wsUrl: `ws://127.0.0.1:${await closedPort()}/v1`, WebSocketImpl: Counting })
    const first = await generate(client, makeTask())
    const second = await generate(client, makeTask())
    expect([first.summary?.transport, second.summary?.transport, client.transport]).toEqual(['rest', 'rest', 'rest'])
    expect(sockets).toBe(1)
  })

  it('falls back when the socket closes before authentication', async () => {
    const client = clientFor('auto')
    emulator.injectFault({ kind: 'closeBeforeAuth' })
    const outcome = await generate(client, makeTask())
    expect(outcome.summary?.transport).toBe('rest')
  })

  it('uses the socket when it works, and a bad key is an auth error, not a fallback', async () => {
    const good = clientFor('auto')
    expect((await generate(good, makeTask())).summary?.transport).toBe('websocket')
    const bad = clientFor('auto', { apiKey: 'rw-not-a-real-key-000' })
    const outcome = await generate(bad, makeTask())
    expect(outcome.error?.kind).toBe('auth')
    expect(outcome.error?.detail).not.toContain('rw-not-a-real-key-000')
    expect(bad.transport).toBeUndefined()
  })
})
