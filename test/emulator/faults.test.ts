// Injected faults (401, 402, 400, 429, 503, 504, provider timeout,
// moderation, dropped connection, malformed body), with the codes Runware's docs and SDK
// give or suggest.
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { decodeResult, inferenceTask, post, WsClient, type Json } from './test-helpers'
import type { Emulator, FaultStatus } from './types'

let emu: Emulator
const sockets: WsClient[] = []
beforeEach(async () => {
  emu = await startEmulator()
})
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close())
  await emu.close()
})

async function authed(): Promise<WsClient> {
  const ws = await WsClient.open(emu.wsUrl)
  sockets.push(ws)
  await ws.authenticate(emu.apiKey)
  return ws
}

const STATUS_CODES: [FaultStatus, string][] = [
  [400, 'invalidRequest'], [401, 'invalidApiKey'], [402, 'insufficientCredits'], [403, 'accessDenied'],
  [429, 'rateLimitExceeded'], [500, 'internalServerError'], [503, 'serviceUnavailable'], [504, 'timeoutQueue'],
]

describe('status faults', () => {
  it.each(STATUS_CODES)('answers the next REST request with %i and code %s', async (status, code) => {
    emu.injectFault({ kind: 'status', status })
    const task = await inferenceTask()
    const reply = await post(emu, [task])
    expect(reply.status).toBe(status)
    expect(reply.body.errors[0]).toMatchObject({ code, taskUUID: task.taskUUID, message: expect.any(String) })
    expect((await post(emu, [await inferenceTask()])).status).toBe(200)
  })

  it('uses the documented messages for 402 and 429', async () => {
    emu.injectFault({ kind: 'status', status: 402 })
    emu.injectFault({ kind: 'status', status: 429 })
    expect((await post(emu, [await inferenceTask()])).body.errors[0].message).toMatch(/insufficient/i)
    expect((await post(emu, [await inferenceTask()])).body.errors[0].message).toMatch(/Queue capacity exceeded/)
  })

  it('applies to as many requests as `times` says', async () => {
    emu.injectFault({ kind: 'status', status: 503 }, 2)
    const task = await inferenceTask()
    expect((await post(emu, [task])).status).toBe(503)
    // A refused task is not accepted, so its retry with the same taskUUID is not a conflict.
    expect((await post(emu, [task])).status).toBe(503)
    expect((await post(emu, [task])).status).toBe(200)
  })

  it('becomes an errors frame for the task on the WebSocket', async () => {
    const ws = await authed()
    emu.injectFault({ kind: 'status', status: 429 })
    const task = await inferenceTask()
    ws.send([task])
    const frames = await ws.waitFrames(2)
    expect(frames[1]).toEqual({ errors: [expect.objectContaining({ code: 'rateLimitExceeded', taskUUID: task.taskUUID })] })
  })

  it('clearFaults drops pending faults', async () => {
    emu.injectFault({ kind: 'status', status: 500 }, 5)
    emu.clearFaults()
    expect((await post(emu, [await inferenceTask()])).status).toBe(200)
  })
})

describe('task faults', () => {
  it('providerTimeout fails a sync task with timeoutProvider and its documented message', async () => {
    emu.injectFault({ kind: 'providerTimeout' })
    const task = await inferenceTask()
    const reply = await post(emu, [task])
    expect(reply.body.data).toEqual([])
    expect(reply.body.errors[0]).toMatchObject({
      code: 'timeoutProvider',
      message: 'The external provider did not respond within the timeout window. The request was automatically terminated.',
      taskUUID: task.taskUUID,
    })
  })

  it('providerTimeout shows in getResponse errors with status error', async () => {
    emu.injectFault({ kind: 'providerTimeout' })
    const task = await inferenceTask({ deliveryMethod: 'async' })
    await post(emu, [task])
    await new Promise((resolve) => setTimeout(resolve, 50))
    const reply = await post(emu, [{ taskType: 'getResponse', taskUUID: task.taskUUID }])
    expect(reply.body.errors).toEqual([expect.objectContaining({ code: 'timeoutProvider', status: 'error', taskUUID: task.taskUUID })])
  })

  it('moderation refuses the task with a safety-class code', async () => {
    emu.injectFault({ kind: 'moderation' })
    const reply = await post(emu, [await inferenceTask()])
    expect(reply.body.errors[0]).toMatchObject({ code: 'providerContentPolicyViolation', message: expect.stringMatching(/moderation/) })
  })

  it('downloadFailed fails the task naming inputs.referenceImages', async () => {
    emu.injectFault({ kind: 'downloadFailed' })
    const reply = await post(emu, [await inferenceTask()])
    expect(reply.body.errors[0]).toMatchObject({ code: 'downloadFailed', parameter: 'inputs.referenceImages' })
  })

  it('truncatedImage cuts the result bytes short so they no longer decode', async () => {
    emu.injectFault({ kind: 'truncatedImage' })
    const [broken] = (await post(emu, [await inferenceTask({ outputFormat: 'PNG' })])).body.data as Json[]
    await expect(sharp(decodeResult(broken!)).raw().toBuffer()).rejects.toThrow()
    const [whole] = (await post(emu, [await inferenceTask({ outputFormat: 'PNG' })])).body.data as Json[]
    await expect(sharp(decodeResult(whole!)).raw().toBuffer()).resolves.toBeInstanceOf(Buffer)
  })

  it('truncatedImage also cuts the bytes served by URL', async () => {
    emu.injectFault({ kind: 'truncatedImage' })
    const [item] = (await post(emu, [await inferenceTask({ outputType: 'URL' })])).body.data as Json[]
    const bytes = Buffer.from(await (await fetch(item!.imageURL)).arrayBuffer())
    await expect(sharp(bytes).raw().toBuffer()).rejects.toThrow()
  })
})

describe('per-generation faults', () => {
  const pollUntilSettled = async (taskUUID: string): Promise<Json> => {
    for (let i = 0; i < 100; i++) {
      const { body } = await post(emu, [{ taskType: 'getResponse', taskUUID }])
      if (!(body.data as Json[]).some((item) => item.status === 'processing')) return body
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    throw new Error('task never settled')
  }

  it('failedResults: REST answers 200 with the successes in data and each failed one in errors', async () => {
    emu.injectFault({ kind: 'failedResults', indexes: [1] })
    const task = await inferenceTask({ numberResults: 3 })
    const reply = await post(emu, [task])
    expect(reply.status).toBe(200)
    expect((reply.body.data as Json[]).map((item) => item.taskUUID)).toEqual([task.taskUUID, task.taskUUID])
    expect(reply.body.errors).toEqual([expect.objectContaining({ code: 'timeoutProvider', taskUUID: task.taskUUID })])
    expect(emu.results.filter((r) => r.taskUUID === task.taskUUID)).toHaveLength(2)
  })

  it('failedResults: the WebSocket sends the failure in its turn, between results, or all in one frame when grouped', async () => {
    const ws = await authed()
    emu.injectFault({ kind: 'failedResults', indexes: [1] })
    ws.send([await inferenceTask({ numberResults: 3 })])
    const streamed = (await ws.waitFrames(4)).slice(1)
    expect(streamed.map((frame) => [frame.data?.length ?? 0, frame.errors?.length ?? 0])).toEqual([[1, 0], [0, 1], [1, 0]])

    emu.injectFault({ kind: 'failedResults', indexes: [0, 2], grouped: true })
    ws.send([await inferenceTask({ numberResults: 3 })])
    const [grouped] = (await ws.waitFrames(5)).slice(4)
    expect([grouped!.data.length, grouped!.errors.length]).toEqual([1, 2])
  })

  it('failedResults: getResponse lists each success in data and each failed generation in errors with status error', async () => {
    emu.injectFault({ kind: 'failedResults', indexes: [0] })
    const task = await inferenceTask({ numberResults: 2, deliveryMethod: 'async' })
    await post(emu, [task])
    const state = await pollUntilSettled(task.taskUUID as string)
    expect((state.data as Json[]).map((item) => item.status)).toEqual(['success'])
    expect(state.errors).toEqual([expect.objectContaining({ code: 'timeoutProvider', status: 'error', taskUUID: task.taskUUID })])
  })

  it('failAfter: the results before it arrive, then one error for each generation left', async () => {
    emu.injectFault({ kind: 'failAfter', afterResults: 1 })
    const task = await inferenceTask({ numberResults: 3 })
    const reply = await post(emu, [task])
    expect(reply.body.data).toHaveLength(1)
    expect(reply.body.errors).toHaveLength(2)
    const state = await pollUntilSettled(task.taskUUID as string)
    expect([state.data.length, state.errors.length]).toEqual([1, 2])
  })

  it('failAfter 0 is the task failing as a whole: one error, no data', async () => {
    emu.injectFault({ kind: 'failAfter', afterResults: 0 })
    const reply = await post(emu, [await inferenceTask({ numberResults: 2 })])
    expect([reply.body.data.length, reply.body.errors.length]).toEqual([0, 1])
  })

  it('truncatedDownload serves a third of the image once, with a Content-Length to match', async () => {
    const [item] = (await post(emu, [await inferenceTask({ outputType: 'URL', outputFormat: 'PNG' })])).body.data as Json[]
    emu.injectFault({ kind: 'truncatedDownload' })
    const cut = await fetch(item!.imageURL)
    const cutBytes = Buffer.from(await cut.arrayBuffer())
    expect(Number(cut.headers.get('content-length'))).toBe(cutBytes.length)
    await expect(sharp(cutBytes).raw().toBuffer()).rejects.toThrow()
    const whole = Buffer.from(await (await fetch(item!.imageURL)).arrayBuffer())
    expect(cutBytes.length).toBe(Math.floor(whole.length / 3))
    await expect(sharp(whole).raw().toBuffer()).resolves.toBeInstanceOf(Buffer)
    expect(emu.results.at(-1)).toMatchObject({ imageUUID: item!.imageUUID, intact: false })
  })

  it('absurdResult: a header declaring 60000×60000 px, or a first result of over 20 MB', async () => {
    emu.injectFault({ kind: 'absurdResult', what: 'pixels' })
    const [wide] = (await post(emu, [await inferenceTask({ outputFormat: 'PNG' })])).body.data as Json[]
    const header = decodeResult(wide!)
    expect([header.readUInt32BE(16), header.readUInt32BE(20)]).toEqual([60000, 60000])

    emu.injectFault({ kind: 'absurdResult', what: 'bytes' })
    const [heavy, normal] = (await post(emu, [await inferenceTask({ outputFormat: 'PNG', numberResults: 2 })])).body.data as Json[]
    expect(decodeResult(heavy!).length).toBeGreaterThan(20 * 1024 * 1024)
    expect(decodeResult(normal!).length).toBeLessThan(1024 * 1024)
    expect(emu.results.slice(-2).map((r) => r.intact)).toEqual([false, true])
  })
})

describe('transport faults', () => {
  it('malformedBody makes the next REST body invalid JSON, then recovers', async () => {
    emu.injectFault({ kind: 'malformedBody' })
    const broken = await post(emu, [await inferenceTask()])
    expect(broken.status).toBe(200)
    expect(() => JSON.parse(broken.text)).toThrow()
    const next = await post(emu, [await inferenceTask()])
    expect(() => JSON.parse(next.text)).not.toThrow()
  })

  it('malformedBody makes the next WebSocket result frame invalid JSON', async () => {
    const ws = await authed()
    emu.injectFault({ kind: 'malformedBody' })
    ws.send([await inferenceTask()])
    await ws.waitFrames(2)
    expect(() => JSON.parse(ws.raw[1]!)).toThrow()
  })

  it('closeBeforeAuth closes the next connection as soon as it opens', async () => {
    emu.injectFault({ kind: 'closeBeforeAuth' })
    const cut = await WsClient.open(emu.wsUrl)
    sockets.push(cut)
    expect((await cut.closed).code).toBe(1006)
    const next = await authed()
    expect(next.frames[0]!.data[0].connectionSessionUUID).toEqual(expect.any(String))
  })

  it('dropSocket closes the socket after N results and keeps the rest for resume', async () => {
    emu.injectFault({ kind: 'dropSocket', afterResults: 2 })
    const ws = await authed()
    const session = ws.frames[0]!.data[0].connectionSessionUUID as string
    ws.send([await inferenceTask({ numberResults: 3 })])
    expect((await ws.closed).code).toBe(1006)
    expect(ws.frames.slice(1).map((f) => f.data.length)).toEqual([1, 1])
    await new Promise((resolve) => setTimeout(resolve, 200))
    const again = await WsClient.open(emu.wsUrl)
    sockets.push(again)
    await again.authenticate(emu.apiKey, session)
    const frames = await again.waitFrames(2)
    expect(frames[1]!.data[0].imageUUID).toEqual(expect.any(String))
  })

  it('dropSocket with afterResults 0 cuts the socket before any result', async () => {
    emu.injectFault({ kind: 'dropSocket', afterResults: 0 })
    const ws = await authed()
    ws.send([await inferenceTask()])
    await ws.closed
    expect(ws.frames).toHaveLength(1)
  })
})

describe('outage', () => {
  async function getResponse(taskUUID: string): Promise<Json> {
    return (await post(emu, [{ taskType: 'getResponse', taskUUID }])).body
  }

  async function untilDone(taskUUID: string, results: number): Promise<Json> {
    const deadline = Date.now() + 5000
    for (;;) {
      const body = await getResponse(taskUUID)
      if (body.data?.filter((item: Json) => item.status === 'success').length === results) return body
      if (Date.now() > deadline) throw new Error(`task ${taskUUID} did not finish: ${JSON.stringify(body).slice(0, 300)}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  it('refuses REST and WebSocket connections while it lasts, then serves again', async () => {
    emu.outage(300)
    await expect(post(emu, [await inferenceTask()])).rejects.toThrow()
    await expect(WsClient.open(emu.wsUrl)).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 350))
    expect((await post(emu, [await inferenceTask()])).status).toBe(200)
    await authed()
  })

  it('drops an open socket when it begins', async () => {
    const ws = await authed()
    emu.outage(100)
    expect((await ws.closed).code).toBe(1006)
  })

  it('as a fault, begins once the task is accepted; the task runs on and getResponse has every result afterwards', async () => {
    emu.setOptions({ latencyMs: 100 })
    emu.injectFault({ kind: 'outage', ms: 300 })
    const task = await inferenceTask({ numberResults: 2 })
    await expect(post(emu, [task])).rejects.toThrow()
    await expect(getResponse(task.taskUUID)).rejects.toThrow()
    await new Promise((resolve) => setTimeout(resolve, 350))
    const body = await untilDone(task.taskUUID, 2)
    expect(body.data.map((item: Json) => item.imageUUID)).toEqual([expect.any(String), expect.any(String)])
    expect(emu.tasks.filter((t) => t.task.taskUUID === task.taskUUID && t.task.taskType === 'imageInference')).toHaveLength(1)
  })
})

describe('lostReply', () => {
  it('answers an accepted REST task with 504 while it runs on: getResponse has its results, a resend is a conflict', async () => {
    emu.injectFault({ kind: 'lostReply', answer: 504 })
    const task = await inferenceTask()
    const reply = await post(emu, [task])
    expect(reply.status).toBe(504)
    expect(reply.body.errors[0]).toMatchObject({ code: 'timeoutQueue', taskUUID: task.taskUUID })
    const again = await post(emu, [task])
    expect(again.body.errors[0]).toMatchObject({ code: 'conflictTaskUUID' })
    const deadline = Date.now() + 5000
    let body: Json = {}
    while (Date.now() < deadline) {
      body = (await post(emu, [{ taskType: 'getResponse', taskUUID: task.taskUUID }])).body
      if (body.data?.[0]?.status === 'success') break
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(body.data[0]).toMatchObject({ status: 'success', taskUUID: task.taskUUID, imageUUID: expect.any(String) })
  })

  it('drops the REST connection of an accepted task', async () => {
    emu.injectFault({ kind: 'lostReply', answer: 'drop' })
    const task = await inferenceTask()
    await expect(post(emu, [task])).rejects.toThrow()
    expect((await post(emu, [task])).body.errors[0]).toMatchObject({ code: 'conflictTaskUUID' })
  })

  it('sends an accepted WebSocket task a 504 errors frame and no results', async () => {
    const ws = await authed()
    emu.injectFault({ kind: 'lostReply', answer: 504 })
    const task = await inferenceTask()
    ws.send([task])
    const frames = await ws.waitFrames(2)
    expect(frames[1]!.errors[0]).toMatchObject({ code: 'timeoutQueue', taskUUID: task.taskUUID })
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(ws.frames).toHaveLength(2)
  })

  it('drops the socket of an accepted WebSocket task', async () => {
    const ws = await authed()
    emu.injectFault({ kind: 'lostReply', answer: 'drop' })
    ws.send([await inferenceTask()])
    expect((await ws.closed).code).toBe(1006)
  })
})
