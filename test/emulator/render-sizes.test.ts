// Results are real images of exactly the requested size and format (the
// 16 pairs; JPG, PNG, WEBP), and outputQuality acts on the encoding.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALLOWED_SIZES } from './allowed-sizes'
import { startEmulator } from './index'
import { decodeResult, inferenceTask, post, type Json } from './test-helpers'
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

const SHARP_FORMAT = { JPG: 'jpeg', PNG: 'png', WEBP: 'webp' } as const
const cases = ALLOWED_SIZES.flatMap(([width, height]) =>
  (['JPG', 'PNG', 'WEBP'] as const).map((format) => [width, height, format] as const))

describe('sizes and formats', () => {
  it('knows exactly the 16 pairs runway:4@2 accepts', () => {
    const documented = '1920x1080 1080x1920 1080x1080 1440x1080 1080x1440 2112x912 1024x1024 1360x768 1168x880 1808x768 1280x720 720x1280 720x720 960x720 720x960 1680x720'
    expect(ALLOWED_SIZES.map(([w, h]) => `${w}x${h}`).sort()).toEqual(documented.split(' ').sort())
  })

  it.each(cases)('renders %ix%i as %s', async (width, height, outputFormat) => {
    const [item] = await generate({ width, height, outputFormat })
    const meta = await sharp(decodeResult(item!)).metadata()
    expect({ width: meta.width, height: meta.height, format: meta.format }).toEqual({ width, height, format: SHARP_FORMAT[outputFormat] })
  })
})

describe('encoding', () => {
  it('makes a JPEG at outputQuality 99 much larger than at 20', async () => {
    const [low] = await generate({ outputQuality: 20 })
    const [high] = await generate({ outputQuality: 99 })
    expect(decodeResult(high!).length).toBeGreaterThan(decodeResult(low!).length * 1.5)
  })

  it('defaults to JPG', async () => {
    const [item] = await generate({})
    expect((await sharp(decodeResult(item!)).metadata()).format).toBe('jpeg')
  })
})
