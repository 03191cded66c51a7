// The forms a reference image may take (strings or {image, tag}; UUID,
// URL, data URI or base64) and what happens when a URL cannot be fetched (downloadFailed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { prepareCanvas } from './render-result'
import { BLUE, dataUri, decodeResult, inferenceTask, meanColour, post, solidImage, startImageHost, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
let host: Awaited<ReturnType<typeof startImageHost>>
beforeAll(async () => {
  emu = await startEmulator()
  host = await startImageHost(await solidImage(BLUE, 400, 400, 'jpeg'), 'image/jpeg')
})
afterAll(async () => {
  await host.close()
  await emu.close()
})

async function blueness(referenceImages: unknown[]): Promise<number> {
  const reply = await post(emu, [await inferenceTask({ inputs: { referenceImages } })])
  expect(reply.status).toBe(200)
  const [r, g, b] = await meanColour(decodeResult(reply.body.data[0]), { x: 0.1, y: 0.3, w: 0.8, h: 0.3 })
  return b - Math.max(r, g)
}

describe('reference forms', () => {
  it('accepts {image, tag} objects', async () => {
    expect(await blueness([{ image: await dataUri(BLUE), tag: 'styleref' }])).toBeGreaterThan(60)
  })

  it('accepts raw base64', async () => {
    expect(await blueness([(await solidImage(BLUE)).toString('base64')])).toBeGreaterThan(60)
  })

  it('accepts an http URL and fetches it', async () => {
    expect(await blueness([`${host.url}/blue.jpg`])).toBeGreaterThan(60)
  })

  it("accepts one of the emulator's own result URLs", async () => {
    const first = await post(emu, [await inferenceTask({ outputType: 'URL', inputs: { referenceImages: [await dataUri(BLUE)] } })])
    // The earlier result already carries one seed tint, so blue only has to stay dominant.
    expect(await blueness([first.body.data[0].imageURL])).toBeGreaterThan(0)
  })

  it('accepts the imageUUID of an earlier result', async () => {
    const first = await post(emu, [await inferenceTask({ inputs: { referenceImages: [await dataUri(BLUE)] } })])
    expect(await blueness([first.body.data[0].imageUUID])).toBeGreaterThan(0)
  })
})

describe('reference failures', () => {
  it('fails the task with downloadFailed when a URL answers 404', async () => {
    const task = await inferenceTask({ inputs: { referenceImages: [`${host.url}/missing.png`] } })
    const reply = await post(emu, [task])
    expect(reply.body.data).toEqual([])
    expect(reply.body.errors[0]).toMatchObject({ code: 'downloadFailed', parameter: 'inputs.referenceImages', taskUUID: task.taskUUID })
  })

  it('refuses an inline image over 5 MB', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(5 * 1024 * 1024 + 10)}`
    const reply = await post(emu, [await inferenceTask({ inputs: { referenceImages: [huge] } })])
    expect(reply.status).toBe(400)
    expect((reply.body.errors[0] as Json).message).toMatch(/5 MB/)
  })
})

describe('tagged references', () => {
  it('captions each band with the tag bound to its reference, in order', async () => {
    const blue = await solidImage(BLUE)
    const canvas = await prepareCanvas([{ bytes: blue, tag: 'sunsetdunes' }, { bytes: blue, tag: 'tidalblue' }], 720, 720)
    expect(canvas.bands.map((band) => band.label)).toEqual(['@sunsetdunes · ref 1', '@tidalblue · ref 2'])
    const plain = await prepareCanvas([{ bytes: blue }], 720, 720)
    expect(plain.bands.map((band) => band.label)).toEqual(['ref 1'])
  })

  it('can be set to refuse the object form, as a strings-only Runware would, and still takes strings', async () => {
    emu.setOptions({ refuseTaggedReferences: true })
    try {
      const task = await inferenceTask({ inputs: { referenceImages: [{ image: await dataUri(BLUE), tag: 'sunsetdunes' }] } })
      const reply = await post(emu, [task])
      expect(reply.status).toBe(400)
      expect(reply.body.errors[0]).toMatchObject({ code: 'invalidReferenceImages', parameter: 'inputs.referenceImages', taskUUID: task.taskUUID })
      expect(await blueness([await dataUri(BLUE)])).toBeGreaterThan(60)
    } finally {
      emu.setOptions({ refuseTaggedReferences: false })
    }
  })
})
