import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { base64ToBytes, bytesToBase64, isBase64, parseDataUri } from '../../ui/runware/base64'
import { checkBase64Image, checkDataUriImage, checkImageBytes, type ImageFormat } from '../../ui/runware/image-check'

const images = new Map<ImageFormat, Uint8Array>()

beforeAll(async () => {
  const base = sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 80, b: 30 } } })
  images.set('PNG', new Uint8Array(await base.clone().png().toBuffer()))
  images.set('JPG', new Uint8Array(await base.clone().jpeg({ quality: 80 }).toBuffer()))
  images.set('WEBP', new Uint8Array(await base.clone().webp().toBuffer()))
})

describe('base64', () => {
  it('round-trips bytes without Buffer, matching Node for every padding', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100_003]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) % 256)
      const text = bytesToBase64(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64'))
      expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true)
    }
    expect(Array.from(base64ToBytes('aGVs\nbG8='))).toEqual(Array.from(Buffer.from('hello')))
    expect(() => base64ToBytes('ab$d')).toThrow()
    expect(() => base64ToBytes('abc')).toThrow()
    // strict: URL-safe characters and padding inside the text are refused (the lenient
    // decodeBase64 for results takes the former)
    expect(() => base64ToBytes('-_-_')).toThrow()
    expect(() => base64ToBytes('ab=c')).toThrow()
    expect(() => base64ToBytes('aGVsbG8=====')).toThrow()
  })

  it('recognises base64 and base64 data URIs only', () => {
    expect(isBase64('iVBORw0KGgo=')).toBe(true)
    expect(isBase64('not base64!')).toBe(false)
    expect(isBase64('abc')).toBe(false)
    expect(parseDataUri('data:image/png;base64,iVBORw0KGgo=')).toEqual({ mime: 'image/png', base64: 'iVBORw0KGgo=' })
    expect(parseDataUri('data:image/png,rawtext')).toBeUndefined()
    expect(parseDataUri('https://example.com/a.png')).toBeUndefined()
  })
})

describe('image checks', () => {
  it.each(['PNG', 'JPG', 'WEBP'] as const)('accepts a whole %s in bytes, base64 and data URI form', (format) => {
    const bytes = images.get(format)!
    expect(checkImageBytes(bytes)).toEqual({ ok: true, format, byteLength: bytes.length })
    expect(checkBase64Image(bytesToBase64(bytes))).toEqual({ ok: true, format, byteLength: bytes.length })
    expect(checkDataUriImage(`data:image/x;base64,${bytesToBase64(bytes)}`)).toMatchObject({ ok: true, format })
  })

  it.each(['PNG', 'JPG', 'WEBP'] as const)('spots a %s cut to a third, as after a broken transfer', (format) => {
    const bytes = images.get(format)!
    const cut = bytes.subarray(0, Math.floor(bytes.length / 3))
    expect(checkImageBytes(cut).ok).toBe(false)
    const check = checkBase64Image(bytesToBase64(cut))
    expect(check).toMatchObject({ ok: false, reason: expect.stringMatching(/cut short/) })
  })

  it('refuses what is not an image and base64 cut mid-quad', () => {
    expect(checkImageBytes(new TextEncoder().encode('<html>not an image</html>')).ok).toBe(false)
    expect(checkBase64Image(bytesToBase64(images.get('PNG')!).slice(0, -3)).ok).toBe(false)
  })
})
