// Result items and how the image travels
// (outputType, URL lifetime), plus cost and NSFWContent.
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startEmulator } from './index'
import { decodeResult, inferenceTask, post, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(() => emu.close())
afterEach(() => {
  vi.useRealTimers()
  emu.setOptions({ unitCost: 0.02 })
})

async function one(overrides: Json): Promise<Json> {
  const reply = await post(emu, [await inferenceTask(overrides)])
  expect(reply.status).toBe(200)
  return reply.body.data[0] as Json
}

describe('outputType', () => {
  it('base64Data puts plain base64 (no prefix) in imageBase64Data and nothing else', async () => {
    const item = await one({ outputType: 'base64Data' })
    expect(Object.keys(item).sort()).toEqual(['imageBase64Data', 'imageUUID', 'seed', 'taskType', 'taskUUID'])
    expect(item.imageBase64Data).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect((await sharp(decodeResult(item)).metadata()).format).toBe('jpeg')
  })

  it.each([['PNG', 'image/png'], ['WEBP', 'image/webp'], ['JPG', 'image/jpeg']])('dataURI carries the %s media type', async (outputFormat, mime) => {
    const item = await one({ outputType: 'dataURI', outputFormat })
    expect(item.imageDataURI.startsWith(`data:${mime};base64,`)).toBe(true)
    expect(item.imageBase64Data).toBeUndefined()
    await expect(sharp(decodeResult(item)).metadata()).resolves.toMatchObject({ width: 720, height: 720 })
  })

  it('URL is the default and is served by the emulator with its Content-Type and CORS', async () => {
    const item = await one({ outputType: undefined, outputFormat: 'WEBP' })
    expect(item.imageURL).toBe(`${emu.url}/images/${item.imageUUID}.webp`)
    const before = emu.stats.imageBytesServed
    const response = await fetch(item.imageURL)
    const bytes = Buffer.from(await response.arrayBuffer())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('image/webp')
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect((await sharp(bytes).metadata()).format).toBe('webp')
    expect(emu.stats.imageBytesServed - before).toBe(bytes.length)
  })

  it('answers HEAD for a served image without counting image bytes', async () => {
    const item = await one({ outputType: 'URL' })
    const before = emu.stats.imageBytesServed
    const response = await fetch(item.imageURL, { method: 'HEAD' })
    expect(response.status).toBe(200)
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(1000)
    expect(emu.stats.imageBytesServed).toBe(before)
  })

  it('answers 404 for an unknown image or a wrong extension', async () => {
    const item = await one({ outputType: 'URL' })
    expect((await fetch(item.imageURL.replace(/\.jpg$/, '.png'))).status).toBe(404)
    expect((await fetch(`${emu.url}/images/${crypto.randomUUID()}.jpg`)).status).toBe(404)
  })
})

describe('URL lifetime', () => {
  it('stops serving an image once its ttl has passed', async () => {
    const item = await one({ outputType: 'URL', ttl: 60 })
    expect((await fetch(item.imageURL)).status).toBe(200)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 59_000)
    expect((await fetch(item.imageURL)).status).toBe(200)
    vi.setSystemTime(Date.now() + 2_000)
    expect((await fetch(item.imageURL)).status).toBe(404)
  })

  it('keeps an image without ttl for 24 hours (emulator default)', async () => {
    const item = await one({ outputType: 'URL' })
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 23 * 3600_000)
    expect((await fetch(item.imageURL)).status).toBe(200)
    vi.setSystemTime(Date.now() + 3600_000 + 1000)
    expect((await fetch(item.imageURL)).status).toBe(404)
  })
})

describe('cost', () => {
  it('adds cost to every result when includeCost is true', async () => {
    const reply = await post(emu, [await inferenceTask({ includeCost: true, numberResults: 2 })])
    expect(reply.body.data.map((d: Json) => d.cost)).toEqual([0.02, 0.02])
  })

  it('uses the unitCost option', async () => {
    emu.setOptions({ unitCost: 0.035 })
    expect((await one({ includeCost: true })).cost).toBe(0.035)
  })

  it('leaves cost out without includeCost', async () => {
    expect(await one({ includeCost: false })).not.toHaveProperty('cost')
  })
})

describe('NSFWContent', () => {
  it('is absent when safety checking is off', async () => {
    expect(await one({})).not.toHaveProperty('NSFWContent')
  })

  it('is false for a clean prompt with checkContent', async () => {
    expect((await one({ safety: { checkContent: true } })).NSFWContent).toBe(false)
  })

  it('is true when the prompt contains the word nsfw', async () => {
    expect((await one({ safety: { mode: 'fast' }, positivePrompt: 'an nsfw poster' })).NSFWContent).toBe(true)
  })

  it("is absent when mode 'none' overrides checkContent", async () => {
    expect(await one({ safety: { checkContent: true, mode: 'none' }, positivePrompt: 'nsfw' })).not.toHaveProperty('NSFWContent')
  })
})
