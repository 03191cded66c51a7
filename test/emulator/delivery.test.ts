// Deliveries a task makes by itself: webhookURL POSTs (one per completed
// item, shaped like a sync response, retried until 2xx) and uploadEndpoint PUTs of raw bytes.
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { inferenceTask, post, startReceiver, until, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
let receiver: Awaited<ReturnType<typeof startReceiver>>
beforeEach(async () => {
  emu = await startEmulator()
  receiver = await startReceiver()
})
afterEach(async () => {
  await emu.close()
  await receiver.close()
})

describe('webhookURL', () => {
  it('POSTs each completed result as {"data":[item]}', async () => {
    const task = await inferenceTask({ numberResults: 2, webhookURL: `${receiver.url}/hook?token=abc` })
    const reply = await post(emu, [task])
    await until(() => receiver.received.length === 2)
    for (const request of receiver.received) {
      expect(request.method).toBe('POST')
      expect(request.url).toBe('/hook?token=abc')
      expect(request.headers['content-type']).toBe('application/json')
    }
    const posted = receiver.received.map((r) => JSON.parse(r.body.toString()) as Json)
    expect(posted).toEqual(reply.body.data.map((item: Json) => ({ data: [item] })))
  })

  it('POSTs results of async tasks too', async () => {
    const task = await inferenceTask({ deliveryMethod: 'async', webhookURL: `${receiver.url}/hook` })
    await post(emu, [task])
    await until(() => receiver.received.length === 1)
    expect(JSON.parse(receiver.received[0]!.body.toString()).data[0]).toMatchObject({ taskUUID: task.taskUUID, imageUUID: expect.any(String) })
  })

  it('retries a delivery the endpoint did not accept', async () => {
    receiver.statuses.push(500)
    await post(emu, [await inferenceTask({ webhookURL: `${receiver.url}/hook` })])
    await until(() => receiver.received.length === 2)
    expect(receiver.received[1]!.body.equals(receiver.received[0]!.body)).toBe(true)
  })

  it('POSTs a task failure as {"errors":[item]}', async () => {
    emu.injectFault({ kind: 'providerTimeout' })
    await post(emu, [await inferenceTask({ webhookURL: `${receiver.url}/hook` })])
    await until(() => receiver.received.length === 1)
    expect(JSON.parse(receiver.received[0]!.body.toString()).errors[0].code).toBe('timeoutProvider')
  })
})

describe('uploadEndpoint', () => {
  it('PUTs the raw bytes of every result', async () => {
    const task = await inferenceTask({ numberResults: 2, outputFormat: 'PNG', width: 960, height: 720, uploadEndpoint: `${receiver.url}/bucket/out.png?X-Amz-Signature=x` })
    await post(emu, [task])
    await until(() => receiver.received.length === 2)
    for (const request of receiver.received) {
      expect(request.method).toBe('PUT')
      expect(request.url).toBe('/bucket/out.png?X-Amz-Signature=x')
      expect(request.headers['content-type']).toBe('image/png')
      expect(await sharp(request.body).metadata()).toMatchObject({ format: 'png', width: 960, height: 720 })
    }
  })
})
