import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { mimeOf, sniffFormat } from '../../src/common/image-format'
import { readImageInfo } from '../../ui/image/image-info'

// Real encoders' output, so the header readers are checked against what browsers, Figma and
// Runware actually produce rather than against our own idea of the formats.

function canvas(width: number, height: number, alpha = false) {
  return sharp({ create: { width, height, channels: alpha ? 4 : 3, background: { r: 200, g: 80, b: 40, alpha: 0.5 } } })
}

async function bytesOf(image: ReturnType<typeof sharp>): Promise<Uint8Array> {
  return new Uint8Array(await image.toBuffer())
}

describe('image sniffing', () => {
  it('reads PNG format and size', async () => {
    expect(readImageInfo(await bytesOf(canvas(321, 123).png()))).toEqual({ format: 'PNG', width: 321, height: 123 })
  })

  it('reads JPEG size past the APP segments, baseline and progressive', async () => {
    expect(readImageInfo(await bytesOf(canvas(640, 480).jpeg()))).toEqual({ format: 'JPEG', width: 640, height: 480 })
    expect(readImageInfo(await bytesOf(canvas(33, 4097).jpeg({ progressive: true })))).toEqual({
      format: 'JPEG',
      width: 33,
      height: 4097,
    })
    const withExif = await bytesOf(canvas(200, 100).withMetadata({ exif: { IFD0: { Copyright: 'test' } } }).jpeg())
    expect(readImageInfo(withExif)).toEqual({ format: 'JPEG', width: 200, height: 100 })
  })

  it('reads GIF size', async () => {
    expect(readImageInfo(await bytesOf(canvas(17, 9).gif()))).toEqual({ format: 'GIF', width: 17, height: 9 })
  })

  it('reads WEBP size in its lossy, lossless and extended forms', async () => {
    expect(readImageInfo(await bytesOf(canvas(1920, 1080).webp()))).toEqual({ format: 'WEBP', width: 1920, height: 1080 })
    expect(readImageInfo(await bytesOf(canvas(1001, 7).webp({ lossless: true })))).toEqual({
      format: 'WEBP',
      width: 1001,
      height: 7,
    })
    const extended = await bytesOf(canvas(300, 5000, true).webp({ alphaQuality: 50 }).withMetadata({ exif: { IFD0: { Copyright: 'x' } } }))
    expect(readImageInfo(extended)).toEqual({ format: 'WEBP', width: 300, height: 5000 })
  })

  it('says null for bytes that are no image, and format-only for a truncated header', () => {
    expect(sniffFormat(new TextEncoder().encode('<html>'))).toBeNull()
    expect(readImageInfo(new Uint8Array([]))).toBeNull()
    expect(readImageInfo(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toEqual({ format: 'PNG' })
  })

  it('names the MIME type of each format', () => {
    expect(mimeOf('JPEG')).toBe('image/jpeg')
    expect(mimeOf('WEBP')).toBe('image/webp')
  })
})
