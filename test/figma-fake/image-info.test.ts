import { describe, expect, it } from 'vitest'
import { readImageInfo } from './image-info'
import { encoded, solidPng } from './fixtures'

describe('readImageInfo', () => {
  it('reads the PNG IHDR size', () => {
    expect(readImageInfo(solidPng(640, 360))).toEqual({ format: 'PNG', width: 640, height: 360 })
  })

  it('reads the JPEG start-of-frame size, past APP segments', async () => {
    expect(readImageInfo(await encoded('jpeg', 321, 123))).toEqual({ format: 'JPEG', width: 321, height: 123 })
  })

  it('reads the GIF logical screen size', async () => {
    expect(readImageInfo(await encoded('gif', 77, 55))).toEqual({ format: 'GIF', width: 77, height: 55 })
  })

  it('reads WEBP lossy (VP8), lossless (VP8L) and extended (VP8X) headers', async () => {
    expect(readImageInfo(await encoded('webp', 300, 200))).toEqual({ format: 'WEBP', width: 300, height: 200 })
    expect(readImageInfo(await encoded('webp', 301, 199, { lossless: true }))).toEqual({ format: 'WEBP', width: 301, height: 199 })
    const extended = await encoded('webp', 250, 150, { alpha: true })
    expect(String.fromCharCode(...extended.subarray(12, 16))).toBe('VP8X')
    expect(readImageInfo(extended)).toEqual({ format: 'WEBP', width: 250, height: 150 })
  })

  it('reports unknown bytes and truncated headers without throwing', () => {
    expect(readImageInfo(new Uint8Array([1, 2, 3, 4]))).toEqual({ format: 'unknown', width: 0, height: 0 })
    expect(readImageInfo(new Uint8Array(0))).toEqual({ format: 'unknown', width: 0, height: 0 })
    expect(readImageInfo(solidPng(5, 5).subarray(0, 12))).toEqual({ format: 'PNG', width: 0, height: 0 })
    expect(readImageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ format: 'JPEG', width: 0, height: 0 })
  })
})
