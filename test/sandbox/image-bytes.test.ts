import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { checkImageBytes, readImageHeader } from '../../src/image-bytes'

function solid(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 120, b: 40 } } })
}

async function bytes(image: ReturnType<typeof sharp>): Promise<Uint8Array> {
  return new Uint8Array(await image.toBuffer())
}

describe('readImageHeader', () => {
  it('reads PNG, JPEG and GIF sizes from their headers', async () => {
    expect(readImageHeader(await bytes(solid(321, 123).png()))).toEqual({ format: 'PNG', width: 321, height: 123 })
    expect(readImageHeader(await bytes(solid(640, 480).jpeg()))).toEqual({ format: 'JPEG', width: 640, height: 480 })
    expect(readImageHeader(await bytes(solid(33, 44).gif()))).toEqual({ format: 'GIF', width: 33, height: 44 })
  })

  it('reads a progressive JPEG carrying EXIF before its frame header', async () => {
    const jpeg = await bytes(solid(800, 600).withMetadata({ orientation: 1 }).jpeg({ progressive: true }))
    expect(readImageHeader(jpeg)).toEqual({ format: 'JPEG', width: 800, height: 600 })
  })

  it('recognises WEBP and knows nothing of random bytes', async () => {
    expect(readImageHeader(await bytes(solid(10, 10).webp()))?.format).toBe('WEBP')
    expect(readImageHeader(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]))).toBeUndefined()
    expect(readImageHeader(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeUndefined()
  })
})

describe('checkImageBytes', () => {
  it('accepts PNG, JPEG and GIF up to 4096 px', async () => {
    const png = checkImageBytes(await bytes(solid(4096, 16).png()))
    expect(png).toEqual({ ok: true, header: { format: 'PNG', width: 4096, height: 16 } })
    expect(checkImageBytes(await bytes(solid(1440, 1080).jpeg())).ok).toBe(true)
    expect(checkImageBytes(await bytes(solid(20, 20).gif())).ok).toBe(true)
  })

  it('refuses WEBP with a message that names it', async () => {
    const result = checkImageBytes(await bytes(solid(100, 100).webp()))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/WEBP/)
  })

  it('refuses images over 4096 px and says the size', async () => {
    const result = checkImageBytes(await bytes(solid(4097, 8).png()))
    expect(result).toEqual({ ok: false, message: expect.stringContaining('4097×8') })
  })

  it('refuses empty and unknown bytes', () => {
    expect(checkImageBytes(new Uint8Array()).ok).toBe(false)
    const text = checkImageBytes(new TextEncoder().encode('<html>not an image</html>'))
    expect(text).toEqual({ ok: false, message: expect.stringMatching(/PNG, JPEG or GIF/) })
  })
})
