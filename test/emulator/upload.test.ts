// imageUpload: inputs, 2048 px storage cap, array reply with imageURL,
// and the use of its imageUUID as a reference image.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { dataUri, decodeResult, GREEN, inferenceTask, meanColour, post, solidImage, startImageHost, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(() => emu.close())

async function upload(image: unknown, extra: Json = {}) {
  return post(emu, [{ taskType: 'imageUpload', taskUUID: crypto.randomUUID(), image, ...extra }])
}

describe('imageUpload', () => {
  it('stores a data URI and answers with imageUUID and a served imageURL', async () => {
    const reply = await upload(await dataUri(GREEN))
    expect(reply.status).toBe(200)
    const item = reply.body.data[0] as Json
    expect(item).toEqual({
      taskType: 'imageUpload', taskUUID: expect.any(String), imageUUID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      imageURL: `${emu.url}/images/${item.imageUUID}.png`,
    })
    const response = await fetch(item.imageURL)
    expect(response.headers.get('content-type')).toBe('image/png')
  })

  it('makes the imageUUID usable as a reference image', async () => {
    const { body } = await upload(await dataUri(GREEN))
    const result = await post(emu, [await inferenceTask({ inputs: { referenceImages: [body.data[0].imageUUID] } })])
    expect(result.status).toBe(200)
    const [r, g, b] = await meanColour(decodeResult(result.body.data[0]), { x: 0.2, y: 0.3, w: 0.6, h: 0.3 })
    expect(g).toBeGreaterThan(Math.max(r, b) + 50)
  })

  it('accepts raw base64', async () => {
    const bytes = await solidImage(GREEN, 200, 200, 'jpeg')
    const reply = await upload(bytes.toString('base64'))
    expect(reply.body.data[0].imageURL).toMatch(/\.jpg$/)
  })

  it('accepts a URL, fetching it', async () => {
    const host = await startImageHost(await solidImage(GREEN, 300, 200, 'webp'), 'image/webp')
    try {
      const reply = await upload(`${host.url}/green.webp`)
      expect(reply.body.data[0].imageURL).toMatch(/\.webp$/)
    } finally {
      await host.close()
    }
  })

  it('stores at most 2048 px per side, keeping the aspect ratio', async () => {
    const big = await solidImage(GREEN, 3000, 1500, 'png')
    const reply = await upload(`data:image/png;base64,${big.toString('base64')}`)
    const stored = Buffer.from(await (await fetch(reply.body.data[0].imageURL)).arrayBuffer())
    expect(await sharp(stored).metadata()).toMatchObject({ width: 2048, height: 1024 })
  })

  it('refuses something that is not an image with invalidImage', async () => {
    const reply = await upload(Buffer.from('plain text').toString('base64'))
    expect(reply.status).toBe(400)
    expect(reply.body.errors[0]).toMatchObject({ code: 'invalidImage', parameter: 'image', taskType: 'imageUpload' })
  })

  it('refuses a missing image', async () => {
    const reply = await upload(undefined)
    expect(reply.body.errors[0]).toMatchObject({ code: 'invalidImage', parameter: 'image' })
  })

  it('answers an unreachable URL with downloadFailed', async () => {
    const host = await startImageHost(Buffer.alloc(0), 'image/png')
    const reply = await upload(`${host.url}/missing.png`)
    await host.close()
    expect(reply.body.errors[0]).toMatchObject({ code: 'downloadFailed', parameter: 'image' })
  })

  it('refuses unknown parameters and a reused taskUUID', async () => {
    const unknown = await upload(await dataUri(), { name: 'x.png' })
    expect(unknown.body.errors[0]).toMatchObject({ code: 'unsupportedParameter', parameter: 'name' })
    const task = { taskType: 'imageUpload', taskUUID: crypto.randomUUID(), image: await dataUri() }
    await post(emu, [task])
    const again = await post(emu, [task])
    expect(again.body.errors[0]).toMatchObject({ code: 'conflictTaskUUID', parameter: 'taskUUID' })
  })
})
