// deliveryMethod async and getResponse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { inferenceTask, post, WsClient, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
beforeEach(async () => {
  emu = await startEmulator()
})
afterEach(() => emu.close())

const poll = (taskUUID: string, key?: string) => post(emu, [{ taskType: 'getResponse', taskUUID }], { key })
const statuses = (reply: { body: Json }) => (reply.body.data as Json[]).map((d) => d.status)

describe('async submit', () => {
  it('answers with one ACK per task before any result is ready', async () => {
    emu.setOptions({ latencyMs: 5000 })
    const task = await inferenceTask({ deliveryMethod: 'async', numberResults: 3 })
    const started = Date.now()
    const reply = await post(emu, [task])
    expect(Date.now() - started).toBeLessThan(5000)
    expect(reply.status).toBe(200)
    expect(reply.body).toEqual({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }] })
    const placeholder = { taskType: 'imageInference', taskUUID: task.taskUUID, status: 'processing' }
    expect((await poll(task.taskUUID)).body).toEqual({ data: [placeholder, placeholder, placeholder] })
  })

  it('returns validation errors on the submit itself', async () => {
    const reply = await post(emu, [await inferenceTask({ deliveryMethod: 'async', outputFormat: 'GIF' })])
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ code: 'invalidOutputFormat', parameter: 'outputFormat' })
  })
})

describe('getResponse', () => {
  it('moves from processing to success, one item per result in a stable order', async () => {
    emu.setOptions({ latencyMs: 200, staggerMs: 300 })
    const task = await inferenceTask({ deliveryMethod: 'async', numberResults: 3, includeCost: true })
    await post(emu, [task])
    const first = await poll(task.taskUUID)
    expect(first.status).toBe(200)
    expect(first.body.data).toHaveLength(3)
    for (const item of first.body.data as Json[]) {
      // Placeholders carry exactly taskType, taskUUID and status, as in Runware's example.
      if (item.status === 'processing') expect(item).toEqual({ taskType: 'imageInference', taskUUID: task.taskUUID, status: 'processing' })
    }
    const seen: string[][] = []
    let done: Json[] = []
    for (const deadline = Date.now() + 4000; Date.now() < deadline;) {
      const reply = await poll(task.taskUUID)
      seen.push(statuses(reply))
      if (statuses(reply).every((s) => s === 'success')) {
        done = reply.body.data as Json[]
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    // Results finish one by one: some poll saw a mix of success and processing.
    expect(seen.some((s) => s.includes('success') && s.includes('processing'))).toBe(true)
    expect(seen.every((s) => s.indexOf('processing') === -1 || s.lastIndexOf('success') < s.indexOf('processing'))).toBe(true)
    expect(done).toHaveLength(3)
    done.forEach((item) => expect(item).toMatchObject({
      taskType: 'imageInference', taskUUID: task.taskUUID, status: 'success', imageUUID: expect.any(String), cost: 0.02,
    }))
    const again = await poll(task.taskUUID)
    expect(again.body.data.map((d: Json) => d.imageUUID)).toEqual(done.map((d) => d.imageUUID))
  })

  it('answers an unknown taskUUID with a not-found error item', async () => {
    const taskUUID = crypto.randomUUID()
    const reply = await poll(taskUUID)
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ code: 'taskFailedOrNotFound', taskUUID, status: 'error', parameter: 'taskUUID' })
  })

  it("does not show a task to another account's key", async () => {
    emu.setOptions({ apiKeys: [emu.apiKey, 'rw-other-key'] })
    const task = await inferenceTask({ deliveryMethod: 'async' })
    await post(emu, [task])
    const reply = await poll(task.taskUUID, 'rw-other-key')
    expect(reply.body.errors[0].code).toBe('taskFailedOrNotFound')
  })

  it('refuses a getResponse without a valid taskUUID', async () => {
    const reply = await post(emu, [{ taskType: 'getResponse', taskUUID: 'abc' }])
    expect(reply.body.errors[0]).toMatchObject({ code: 'invalidTaskUUID', parameter: 'taskUUID' })
  })

  it('also reports sync tasks', async () => {
    const task = await inferenceTask()
    const sync = await post(emu, [task])
    const reply = await poll(task.taskUUID)
    expect(reply.body.data).toEqual([{ ...sync.body.data[0], status: 'success' }])
  })

  it('works over the WebSocket: ACK frame first, then the polled state', async () => {
    const ws = await WsClient.open(emu.wsUrl)
    try {
      await ws.authenticate(emu.apiKey)
      const task = await inferenceTask({ deliveryMethod: 'async', numberResults: 2 })
      ws.send([task])
      const [, ack] = await ws.waitFrames(2)
      expect(ack).toEqual({ data: [{ taskType: 'imageInference', taskUUID: task.taskUUID }] })
      let last: Json = {}
      for (const deadline = Date.now() + 4000; Date.now() < deadline;) {
        ws.send([{ taskType: 'getResponse', taskUUID: task.taskUUID }])
        last = (await ws.waitFrames(ws.frames.length + 1)).at(-1)!
        if (last.data?.every((d: Json) => d.status === 'success')) break
        await new Promise((resolve) => setTimeout(resolve, 30))
      }
      expect(last.data).toHaveLength(2)
      expect(last.data.map((d: Json) => d.taskUUID)).toEqual([task.taskUUID, task.taskUUID])
    } finally {
      ws.close()
    }
  })
})
