import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'
import { encoded, solidPng } from './fixtures'

describe('createImage', () => {
  it('accepts PNG, JPEG and GIF and returns an Image with a 40-hex content hash', async () => {
    const { figma } = createFigmaFake()
    for (const bytes of [solidPng(64, 32), await encoded('jpeg', 64, 32), await encoded('gif', 64, 32)]) {
      const image = figma.createImage(bytes)
      expect(image.hash).toBe(createHash('sha1').update(bytes).digest('hex'))
      expect(image.hash).toMatch(/^[0-9a-f]{40}$/)
      expect(await image.getSizeAsync()).toEqual({ width: 64, height: 32 })
      expect(await image.getBytesAsync()).toEqual(bytes)
    }
  })

  it('gives the same hash for the same bytes and finds images by hash', () => {
    const { figma } = createFigmaFake()
    const a = figma.createImage(solidPng(8, 8))
    const b = figma.createImage(solidPng(8, 8))
    const c = figma.createImage(solidPng(8, 8, [0, 0, 0, 255]))
    expect(a.hash).toBe(b.hash)
    expect(c.hash).not.toBe(a.hash)
    expect(figma.getImageByHash(a.hash)?.hash).toBe(a.hash)
    expect(figma.getImageByHash('0'.repeat(40))).toBeNull()
  })

  it('decodes the bytes and refuses a damaged image with "Image is invalid", in every format', async () => {
    const { figma } = createFigmaFake()
    const sharpPng = new Uint8Array(await sharp({ create: { width: 300, height: 200, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer())
    const interlaced = new Uint8Array(await sharp(Buffer.from(sharpPng)).png({ progressive: true }).toBuffer())
    const images = [sharpPng, interlaced, solidPng(40, 30), await encoded('jpeg', 64, 32), await encoded('gif', 64, 32)]
    for (const bytes of images) {
      expect(() => figma.createImage(bytes)).not.toThrow()
      // cut to a third (tiny ones: their last 20 bytes): the header still reads right, the rest is gone
      const cut = bytes.length > 1000 ? Math.floor(bytes.length / 3) : bytes.length - 20
      expect(() => figma.createImage(bytes.slice(0, cut))).toThrow('Image is invalid')
    }
    // a flipped byte in the middle of a PNG's pixel data: its chunk's CRC no longer holds
    const flipped = sharpPng.slice()
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff
    expect(() => figma.createImage(flipped)).toThrow('Image is invalid')
  })

  it('refuses a damaged image fetched by createImageAsync too', async () => {
    const whole = solidPng(40, 30)
    const { figma } = createFigmaFake({ fetchImage: async () => whole.slice(0, whole.length - 20) })
    await expect(figma.createImageAsync('https://im.runware.ai/a.png')).rejects.toThrow('Image is invalid')
  })

  it('throws "Image is too large" above 4096 px on either side', async () => {
    const { figma } = createFigmaFake()
    const tallJpeg = await encoded('jpeg', 10, 4097)
    expect(() => figma.createImage(solidPng(4097, 10))).toThrow('Image is too large')
    expect(() => figma.createImage(tallJpeg)).toThrow('Image is too large')
    expect(() => figma.createImage(solidPng(4096, 1))).not.toThrow()
  })

  it('throws "Image type is unsupported" for WEBP and unknown bytes', async () => {
    const { figma } = createFigmaFake()
    const webp = await encoded('webp', 10, 10)
    expect(() => figma.createImage(webp)).toThrow('Image type is unsupported')
    expect(() => figma.createImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toThrow('Image type is unsupported')
  })

  it('throws "Image is too small" for a header without a usable size', () => {
    const { figma } = createFigmaFake()
    expect(() => figma.createImage(solidPng(4, 4).subarray(0, 16))).toThrow('Image is too small')
  })

  it('copies the bytes: changing the caller\'s array later does not change the image', async () => {
    const { figma } = createFigmaFake()
    const bytes = solidPng(4, 4)
    const image = figma.createImage(bytes)
    const kept = new Uint8Array(bytes)
    bytes.fill(0)
    expect(await image.getBytesAsync()).toEqual(kept)
  })

  it('createImageAsync fetches through fetchImage, then applies the same checks', async () => {
    const png = solidPng(20, 10)
    const webp = await encoded('webp', 10, 10)
    const fake = createFigmaFake({ fetchImage: async (url) => (url.endsWith('.webp') ? webp : png) })
    expect(await (await fake.figma.createImageAsync('https://im.runware.ai/a.png')).getSizeAsync()).toEqual({ width: 20, height: 10 })
    await expect(fake.figma.createImageAsync('https://im.runware.ai/a.webp')).rejects.toThrow('Image type is unsupported')
    await expect(createFigmaFake().figma.createImageAsync('https://x/y.png')).rejects.toThrow(/fetchImage/)
  })

  it('image fills accept hashes of created images', () => {
    const { figma } = createFigmaFake()
    const image = figma.createImage(solidPng(4, 4))
    const rect = figma.createRectangle()
    rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }]
    expect(rect.fills).toEqual([{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash, visible: true, opacity: 1, blendMode: 'NORMAL' }])
  })
})
