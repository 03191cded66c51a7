// Results are visibly made from the references, differ per seed and carry a caption
// (the doubles model the real thing), and rendering stays cheap.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { prepareCanvas, renderResult } from './render-result'
import { BLUE, dataUri, decodeResult, GREEN, inferenceTask, meanColour, post, RED, solidImage, type Json } from './test-helpers'
import type { Emulator } from './types'

let emu: Emulator
beforeAll(async () => {
  emu = await startEmulator()
})
afterAll(() => emu.close())

async function generate(overrides: Json): Promise<Json[]> {
  const reply = await post(emu, [await inferenceTask(overrides)])
  expect(reply.status).toBe(200)
  return reply.body.data as Json[]
}

describe('content', () => {
  it('gives each result its own integer seed, imageUUID and pixels', async () => {
    const items = await generate({ numberResults: 3 })
    expect(new Set(items.map((i) => i.seed)).size).toBe(3)
    expect(new Set(items.map((i) => i.imageUUID)).size).toBe(3)
    items.forEach((i) => expect(Number.isInteger(i.seed)).toBe(true))
    const colours = await Promise.all(items.map((i) => meanColour(decodeResult(i), { x: 0.2, y: 0.3, w: 0.6, h: 0.3 })))
    expect(new Set(colours.map((c) => c.map(Math.round).join())).size).toBe(3)
  })

  it('puts each reference in its own band: red, green, blue from left to right', async () => {
    const referenceImages = [await dataUri(RED), await dataUri(GREEN, 'jpeg'), await dataUri(BLUE, 'webp')]
    const [item] = await generate({ width: 1440, height: 1080, inputs: { referenceImages } })
    const image = decodeResult(item!)
    const band = (i: number) => meanColour(image, { x: i / 3 + 0.05, y: 0.25, w: 0.2, h: 0.4 })
    const [r, g, b] = await Promise.all([band(0), band(1), band(2)])
    expect(r[0]).toBeGreaterThan(Math.max(r[1], r[2]) + 60)
    expect(g[1]).toBeGreaterThan(Math.max(g[0], g[2]) + 60)
    expect(b[2]).toBeGreaterThan(Math.max(b[0], b[1]) + 60)
  })

  it('fills the whole frame with a single reference', async () => {
    const [item] = await generate({ width: 2112, height: 912, inputs: { referenceImages: [await dataUri(GREEN)] } })
    const image = decodeResult(item!)
    for (const x of [0.05, 0.45, 0.85]) {
      const [red, green, blue] = await meanColour(image, { x, y: 0.3, w: 0.1, h: 0.3 })
      expect(green).toBeGreaterThan(Math.max(red, blue) + 60)
    }
  })

  it('draws a caption whose pixels change with the prompt and the size text', async () => {
    const canvas = await prepareCanvas([{ bytes: await solidImage(RED) }], 1280, 720)
    const spec = { seed: 7, index: 0, format: 'png' as const, quality: 95 }
    const a = await renderResult(canvas, { ...spec, prompt: 'A quiet harbour' })
    const b = await renderResult(canvas, { ...spec, prompt: 'A noisy market' })
    const raw = async (png: Buffer, top: number, height: number) =>
      sharp(png).extract({ left: 0, top, width: 1280, height }).raw().toBuffer()
    // Same seed: the picture above the caption is identical, the caption is not.
    expect((await raw(a, 100, 400)).equals(await raw(b, 100, 400))).toBe(true)
    expect((await raw(a, 640, 80)).equals(await raw(b, 640, 80))).toBe(false)
    const [captionR] = await meanColour(a, { x: 0, y: 0.92, w: 1, h: 0.08 })
    const [bandR] = await meanColour(a, { x: 0, y: 0.4, w: 1, h: 0.2 })
    expect(captionR).toBeLessThan(bandR - 40)
  })

  it('spends well under 100 ms of CPU on a 1920x1080 result', async () => {
    // CPU time rather than wall time, so a busy machine does not make this flaky.
    const canvas = await prepareCanvas([{ bytes: await solidImage(RED) }, { bytes: await solidImage(BLUE) }], 1920, 1080)
    const spec = { index: 0, prompt: 'A red lighthouse on a cliff at dusk', format: 'jpeg' as const, quality: 95 }
    await renderResult(canvas, { ...spec, seed: 1 })
    const before = process.cpuUsage()
    for (let seed = 2; seed < 7; seed++) await renderResult(canvas, { ...spec, seed })
    const used = process.cpuUsage(before)
    expect((used.user + used.system) / 1000 / 5).toBeLessThan(100)
  })
})
