// REST transport: auth, envelopes, status codes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { inferenceTask, post } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
beforeEach(async () => {
  emu = await startEmulator()
})
afterEach(() => emu.close())

describe('REST authentication', () => {
  it('accepts the default key as a Bearer header', async () => {
    const reply = await post(emu, [await inferenceTask()])
    expect(reply.status).toBe(200)
    expect(reply.body.data).toHaveLength(1)
    expect(emu.apiKey).toBe('rw-test-key-0123456789')
  })

  it('answers a bad key with 401 and the exact invalidApiKey envelope', async () => {
    const reply = await post(emu, [await inferenceTask()], { key: 'wrong' })
    expect(reply.status).toBe(401)
    expect(reply.body).toEqual({
      errors: [expect.objectContaining({
        code: 'invalidApiKey',
        message: 'Invalid API key. Get one at https://my.runware.ai/signup',
        parameter: 'apiKey',
        taskType: 'authentication',
      })],
    })
  })

  it('answers a missing key with 401 missingApiKey', async () => {
    const reply = await post(emu, [await inferenceTask()], { key: null })
    expect(reply.status).toBe(401)
    expect(reply.body.errors[0]).toMatchObject({ code: 'missingApiKey', parameter: 'apiKey' })
  })

  it('accepts a leading authentication task instead of the header', async () => {
    const task = await inferenceTask()
    const reply = await post(emu, [{ taskType: 'authentication', apiKey: emu.apiKey }, task], { key: null })
    expect(reply.status).toBe(200)
    expect(reply.body.data).toEqual([expect.objectContaining({ taskType: 'imageInference', taskUUID: task.taskUUID })])
  })

  it('refuses a leading authentication task with a bad key', async () => {
    const reply = await post(emu, [{ taskType: 'authentication', apiKey: 'nope' }, await inferenceTask()], { key: null })
    expect(reply.status).toBe(401)
    expect(reply.body.errors[0].code).toBe('invalidApiKey')
  })

  it('accepts any key listed in apiKeys and refuses a revoked one', async () => {
    emu.setOptions({ apiKeys: [emu.apiKey, 'rw-second-key'] })
    expect((await post(emu, [await inferenceTask()], { key: 'rw-second-key' })).status).toBe(200)
    emu.revokeKey('rw-second-key')
    const reply = await post(emu, [await inferenceTask()], { key: 'rw-second-key' })
    expect(reply.status).toBe(401)
    expect(reply.body.errors[0].code).toBe('invalidApiKey')
  })
})

describe('REST envelopes', () => {
  it('returns {data:[...]} with every result of a sync task and no errors key', async () => {
    const task = await inferenceTask({ numberResults: 3 })
    const reply = await post(emu, [task])
    expect(Object.keys(reply.body)).toEqual(['data'])
    expect(reply.body.data).toHaveLength(3)
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it('returns 400 with {data:[], errors:[...]} naming the task for a validation error', async () => {
    const task = await inferenceTask({ positivePrompt: '' })
    const reply = await post(emu, [task])
    expect(reply.status).toBe(400)
    expect(reply.body.data).toEqual([])
    expect(reply.body.errors).toEqual([expect.objectContaining({
      code: 'invalidPositivePrompt',
      parameter: 'positivePrompt',
      taskType: 'imageInference',
      taskUUID: task.taskUUID,
      documentation: expect.stringContaining('https://runware.ai/docs'),
      message: expect.any(String),
    })])
  })

  it('scopes errors to the failing task and still runs the others (200, both keys)', async () => {
    const good = await inferenceTask()
    const bad = await inferenceTask({ width: 123, height: 456 })
    const reply = await post(emu, [good, bad])
    expect(reply.status).toBe(200)
    expect(reply.body.data.map((d: { taskUUID: string }) => d.taskUUID)).toEqual([good.taskUUID])
    expect(reply.body.errors.map((e: { taskUUID: string }) => e.taskUUID)).toEqual([bad.taskUUID])
  })

  it('refuses a body that is not JSON with 400', async () => {
    const reply = await post(emu, '{not json')
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].code).toBe('invalidRequestBody')
  })

  it('refuses a JSON body that is not an array with 400', async () => {
    const reply = await post(emu, { taskType: 'ping', ping: true })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].message).toMatch(/array/)
  })

  it('refuses a request without a JSON Content-Type', async () => {
    const reply = await post(emu, '[]', { headers: { 'Content-Type': 'text/plain' } })
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0].code).toBe('invalidContentType')
  })

  it('refuses other methods than POST with 405', async () => {
    const response = await fetch(`${emu.url}/v1`)
    expect(response.status).toBe(405)
  })

  it('answers an unknown taskType with invalidTaskType', async () => {
    const reply = await post(emu, [{ taskType: 'videoInference', taskUUID: crypto.randomUUID() }])
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ code: 'invalidTaskType', parameter: 'taskType' })
  })

  it('answers a ping task with a pong', async () => {
    const reply = await post(emu, [{ taskType: 'ping', ping: true }])
    expect(reply.body).toEqual({ data: [{ taskType: 'ping', pong: true }] })
  })
})

describe('REST timing', () => {
  it('holds a sync answer until latencyMs has passed', async () => {
    emu.setOptions({ latencyMs: 300 })
    const started = Date.now()
    const reply = await post(emu, [await inferenceTask()])
    expect(reply.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })

  it('close() ends a request that is still waiting for its results', async () => {
    emu.setOptions({ latencyMs: 10_000 })
    const pending = post(emu, [await inferenceTask()]).then(() => 'answered', () => 'cut')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const started = Date.now()
    await emu.close()
    expect(Date.now() - started).toBeLessThan(2000)
    expect(await pending).toBe('cut')
  })
})

describe('REST CORS (emulator choice: real Runware CORS is unknown)', () => {
  it('answers the preflight a null-origin iframe sends', async () => {
    const response = await fetch(`${emu.url}/v1`, {
      method: 'OPTIONS',
      headers: { Origin: 'null', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/)
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/)
  })

  it('puts Access-Control-Allow-Origin on POST answers, errors included', async () => {
    const ok = await post(emu, [{ taskType: 'ping', ping: true }])
    const denied = await post(emu, [{ taskType: 'ping', ping: true }], { key: 'bad' })
    expect(ok.headers.get('access-control-allow-origin')).toBe('*')
    expect(denied.headers.get('access-control-allow-origin')).toBe('*')
  })
})

describe('REST recording', () => {
  it('records every task received with its transport and body size, and counts bytes', async () => {
    const task = await inferenceTask()
    const reply = await post(emu, [{ taskType: 'authentication', apiKey: emu.apiKey }, task], { key: null })
    expect(emu.tasks.map((t) => t.task.taskType)).toEqual(['authentication', 'imageInference'])
    expect(emu.tasks[1]).toMatchObject({ transport: 'rest', task: { taskUUID: task.taskUUID } })
    expect(emu.tasks[1]!.bodyBytes).toBe(Buffer.byteLength(JSON.stringify([{ taskType: 'authentication', apiKey: emu.apiKey }, task])))
    expect(emu.stats.requestBytes).toBe(emu.tasks[1]!.bodyBytes)
    expect(emu.stats.responseBytes).toBe(Buffer.byteLength(reply.text))
  })
})
