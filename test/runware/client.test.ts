import { describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { buildInferenceTask } from '../../ui/runware/build-task'
import { createRunwareClient } from '../../ui/runware/client'
import type { RunwareError } from '../../ui/runware/errors'
import type { InferenceTask } from '../../ui/runware/task-schema'
import type { ConnectionMode } from '../../ui/runware/types'
import { TASK_UUID } from './helpers'

const KEY = 'rw-client-key-98765'

function task(): InferenceTask {
  const built = buildInferenceTask({
    prompt: 'tide pools',
    width: 720,
    height: 720,
    numberResults: 1,
    referenceImages: ['d0752792-0016-4aeb-8f8a-a28d7afb611b'],
    options: DEFAULT_GENERATION_OPTIONS,
    taskUUID: TASK_UUID,
  })
  if (!built.ok) throw built.error
  return built.task
}

function fakeFetch(status: number, body: unknown, calls: unknown[][] = []): typeof fetch {
  return (async (...args: unknown[]) => {
    calls.push(args)
    return new Response(JSON.stringify(body), { status })
  }) as typeof fetch
}

function client(connection: ConnectionMode, fetchImpl: typeof fetch, apiKey = KEY) {
  // No WebSocketImpl: Node 20 has no global WebSocket, so the socket cannot open here.
  return createRunwareClient({ apiKey, connection, restUrl: 'https://api.example/v1', wsUrl: 'wss://ws.example/v1', fetchImpl })
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: RunwareError) => error)

describe('createRunwareClient', () => {
  it('asks for a key before touching the network', async () => {
    const calls: unknown[][] = []
    const error = await failure(client('rest', fakeFetch(200, {}, calls), '  ').generate(task(), { onResult: () => {} }))
    expect([error?.kind, error?.code, error?.message]).toEqual(['auth', 'missingApiKey', 'Add your Runware API key in Settings first.'])
    expect(calls).toHaveLength(0)
  })

  it('checks the task against the seed schema before sending it', async () => {
    const calls: unknown[][] = []
    const bad = { ...task(), numberResults: 30 }
    const error = await failure(client('rest', fakeFetch(200, {}, calls)).generate(bad, { onResult: () => {} }))
    expect([error?.kind, error?.field]).toEqual(['validation', 'numberResults'])
    expect(calls).toHaveLength(0)
  })

  it('never lets the key into an error, even when Runware echoes it', async () => {
    const body = { errors: [{ code: 'invalidApiKey', message: `The key ${KEY} is not valid`, parameter: 'apiKey' }] }
    const error = await failure(client('rest', fakeFetch(401, body)).generate(task(), { onResult: () => {} }))
    expect(error?.kind).toBe('auth')
    expect(`${error?.message} ${error?.detail} ${error?.stack}`).not.toContain(KEY)
  })

  it('in auto mode, uses REST where no WebSocket exists, and says so', async () => {
    const item = { taskType: 'imageInference', taskUUID: TASK_UUID, imageUUID: 'i-1', imageURL: 'https://x/1.jpg' }
    const c = client('auto', fakeFetch(200, { data: [item] }))
    expect(c.transport).toBeUndefined()
    const summary = await c.generate(task(), { onResult: () => {} })
    expect([summary.transport, c.transport]).toEqual(['rest', 'rest'])
  })

  it('uploads over REST and reads both documented reply shapes', async () => {
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
    const asObject = (async (_url: unknown, init?: RequestInit) => {
      const [sent] = JSON.parse(String(init?.body)) as { taskUUID: string; taskType: string; image: string }[]
      expect([sent?.taskType, sent?.image]).toEqual(['imageUpload', png])
      return new Response(JSON.stringify({ data: { taskType: 'imageUpload', taskUUID: sent?.taskUUID, imageUUID: 'up-1' } }))
    }) as typeof fetch
    expect(await client('rest', asObject).uploadImage(png)).toEqual({ imageUUID: 'up-1' })
    const asArray = (async (_url: unknown, init?: RequestInit) => {
      const [sent] = JSON.parse(String(init?.body)) as { taskUUID: string }[]
      return new Response(JSON.stringify({ data: [{ taskType: 'imageUpload', taskUUID: sent?.taskUUID, imageUUID: 'up-2', imageURL: 'https://im/x.png' }] }))
    }) as typeof fetch
    expect(await client('rest', asArray).uploadImage(png)).toEqual({ imageUUID: 'up-2', imageURL: 'https://im/x.png' })
  })

  it('refuses work after close', async () => {
    const c = client('rest', fakeFetch(200, {}))
    c.close()
    expect((await failure(c.generate(task(), { onResult: () => {} })))?.kind).toBe('network')
  })

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const error = await failure(client('rest', fakeFetch(200, {})).generate(task(), { onResult: () => {} }, controller.signal))
    expect(error?.kind).toBe('cancelled')
  })
})
