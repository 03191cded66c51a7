import { describe, expect, it } from 'vitest'

import { createImagePipeline, LETTERBOX_FILL } from '../../ui/image/image-pipeline'
import { HEAVY_PNG_BYTES, MAX_REFERENCE_DATA_URI, referenceWarnings } from '../../ui/image/reference-limits'
import { readImageInfo } from '../../ui/image/image-info'
import { fakeCodec, fakeJpeg, fakePng, fakeWebp } from './fixtures'

// Just over the limit once base64 and the data: prefix are counted.
const HEAVY = Math.ceil((MAX_REFERENCE_DATA_URI / 4) * 3) + 10
// Over the photographic-PNG threshold but well inside the data URI limit.
const PHOTO_PNG = HEAVY_PNG_BYTES + 1000

describe('references', () => {
  it('sends an acceptable PNG as it is', async () => {
    const { codec, plans } = fakeCodec()
    const png = fakePng(800, 600)
    const prepared = await createImagePipeline(codec).prepareReference(png)
    expect(prepared).toEqual({ bytes: png, mime: 'image/png', padded: false, reencoded: false })
    expect(plans).toHaveLength(0)
  })

  it('letterboxes a reference wider than 2:1 onto white', async () => {
    const { codec, plans } = fakeCodec()
    const prepared = await createImagePipeline(codec).prepareReference(fakePng(2100, 700))
    expect(prepared.padded).toBe(true)
    expect(plans).toEqual([
      { width: 2100, height: 1050, x: 0, y: 175, drawWidth: 2100, drawHeight: 700, format: 'png', background: LETTERBOX_FILL },
    ])
    expect(readImageInfo(prepared.bytes)).toMatchObject({ width: 2100, height: 1050 })
  })

  it('re-encodes a heavy PNG as JPEG, lowering quality until it fits', async () => {
    const { codec, plans } = fakeCodec({ jpegBytes: (quality) => (quality > 0.8 ? HEAVY : 1000) })
    const prepared = await createImagePipeline(codec).prepareReference(fakePng(2048, 1536, HEAVY))
    expect(prepared).toMatchObject({ mime: 'image/jpeg', reencoded: true, padded: false })
    expect(plans.map((p) => p.quality)).toEqual([0.92, 0.85, 0.75])
  })

  it('sends a photographic PNG that fits as a 0.92 JPEG when that is lighter', async () => {
    const { codec, plans } = fakeCodec({ jpegBytes: () => 300_000 })
    const prepared = await createImagePipeline(codec).prepareReference(fakePng(1920, 1080, PHOTO_PNG))
    expect(prepared).toMatchObject({ mime: 'image/jpeg', reencoded: true })
    expect(prepared.bytes.length).toBe(300_000)
    expect(plans.map((p) => p.quality)).toEqual([0.92])
  })

  it('keeps a heavy PNG that fits when the JPEG would not be lighter', async () => {
    const { codec, plans } = fakeCodec({ jpegBytes: () => PHOTO_PNG + 1 })
    const png = fakePng(1920, 1080, PHOTO_PNG)
    const prepared = await createImagePipeline(codec).prepareReference(png)
    expect(prepared.bytes).toBe(png)
    expect(prepared).toMatchObject({ mime: 'image/png', padded: false, reencoded: false })
    expect(plans).toHaveLength(1)
  })

  it('keeps a PNG just under the threshold lossless', async () => {
    const { codec, plans } = fakeCodec()
    const png = fakePng(1920, 1080, HEAVY_PNG_BYTES)
    expect(await createImagePipeline(codec).prepareReference(png)).toMatchObject({ mime: 'image/png', reencoded: false })
    expect(plans).toHaveLength(0)
  })

  it('gives up with a clear message when even a low-quality JPEG is too heavy', async () => {
    const { codec } = fakeCodec({ jpegBytes: () => HEAVY })
    await expect(createImagePipeline(codec).prepareReference(fakePng(2048, 2048, HEAVY))).rejects.toThrow(/too heavy/)
  })

  it('refuses a header declaring more pixels than the bound, before drawing or measuring anything', async () => {
    const { codec, plans } = fakeCodec()
    await expect(createImagePipeline(codec).prepareResult(fakePng(60000, 60000))).rejects.toThrow(
      'Runware sent an image of 60000×60000 px, far more than the model makes; it was not opened. Generate it again.',
    )
    expect(plans).toEqual([])
    // the bound is 4096 × 4096: an image just within it is still scaled and placed
    await createImagePipeline(codec).prepareResult(fakePng(4096 * 2, 2048))
    expect(plans).toHaveLength(1)
  })

  it('refuses bytes that are not an image', async () => {
    const { codec } = fakeCodec()
    await expect(createImagePipeline(codec).prepareReference(new Uint8Array(100))).rejects.toThrow(/not a PNG/)
  })

  it('warns in the strip about exactly what the pipeline will do', () => {
    expect(referenceWarnings(800, 600, 1000)).toEqual([])
    expect(referenceWarnings(3000, 1000, 1000)).toEqual(['padded'])
    expect(referenceWarnings(800, 600, HEAVY)).toEqual(['jpeg'])
    expect(referenceWarnings(1920, 1080, PHOTO_PNG)).toEqual(['jpeg'])
    expect(referenceWarnings(1920, 1080, HEAVY_PNG_BYTES)).toEqual([])
  })
})

describe('results', () => {
  it('passes PNG and JPEG through untouched', async () => {
    const { codec, plans } = fakeCodec()
    const pipeline = createImagePipeline(codec)
    const jpeg = fakeJpeg(1440, 1080)
    expect(await pipeline.prepareResult(jpeg)).toEqual({ bytes: jpeg, format: 'JPEG', transcoded: false })
    expect((await pipeline.prepareResult(fakePng(720, 720))).transcoded).toBe(false)
    expect(plans).toHaveLength(0)
  })

  it('transcodes WEBP to PNG, which Figma accepts', async () => {
    const { codec, plans } = fakeCodec()
    const prepared = await createImagePipeline(codec).prepareResult(fakeWebp(1920, 1080))
    expect(prepared).toMatchObject({ format: 'PNG', transcoded: true })
    expect(plans[0]).toMatchObject({ format: 'png', width: 1920, height: 1080 })
  })

  it('scales an image over 4096 px down to fit Figma', async () => {
    const { codec, plans } = fakeCodec()
    await createImagePipeline(codec).prepareResult(fakePng(8192, 2048))
    expect(plans[0]).toMatchObject({ width: 4096, height: 1024, drawWidth: 4096, drawHeight: 1024 })
  })

  it('refuses a header declaring more pixels than the bound, before drawing or measuring anything', async () => {
    const { codec, plans } = fakeCodec()
    await expect(createImagePipeline(codec).prepareResult(fakePng(60000, 60000))).rejects.toThrow(
      'Runware sent an image of 60000×60000 px, far more than the model makes; it was not opened. Generate it again.',
    )
    expect(plans).toEqual([])
    // the bound is 4096 × 4096: an image just within it is still scaled and placed
    await createImagePipeline(codec).prepareResult(fakePng(4096 * 2, 2048))
    expect(plans).toHaveLength(1)
  })

  it('refuses bytes that are not an image', async () => {
    const { codec } = fakeCodec()
    await expect(createImagePipeline(codec).prepareResult(new TextEncoder().encode('{"error":1}'))).rejects.toThrow(
      /could not read/,
    )
  })
})
