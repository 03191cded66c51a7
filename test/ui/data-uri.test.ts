import { afterEach, describe, expect, it, vi } from 'vitest'

import { dataUriLength, decodeBase64, decodeDataUri, encodeBase64, toDataUri } from '../../ui/image/data-uri'

function randomBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length)
  let x = seed
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    bytes[i] = x >>> 24
  }
  return bytes
}

describe('base64', () => {
  it('encodes exactly like Node for every tail length', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 100, 65537]) {
      const bytes = randomBytes(length, length + 1)
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })

  it('decodes what Node encodes, with or without padding and whitespace', () => {
    const bytes = randomBytes(1001)
    const text = Buffer.from(bytes).toString('base64')
    expect(decodeBase64(text)).toEqual(bytes)
    expect(decodeBase64(text.replace(/=+$/, ''))).toEqual(bytes)
    expect(decodeBase64(text.replace(/(.{76})/g, '$1\n'))).toEqual(bytes)
  })

  it('accepts the URL-safe alphabet', () => {
    const bytes = new Uint8Array([0xfb, 0xff, 0xbf])
    expect(decodeBase64('-_-_')).toEqual(bytes)
  })

  it('refuses characters outside base64', () => {
    expect(() => decodeBase64('abc$')).toThrow(/Not base64/)
  })
})

describe('base64 with the engine’s own decoder (Uint8Array.fromBase64)', () => {
  // Node 20 has none: a strict stand-in, as the TC39 one is (standard alphabet only)
  const native = vi.fn((text: string) => {
    if (/[^A-Za-z0-9+/=\s]/.test(text)) throw new SyntaxError('invalid base64')
    return new Uint8Array(Buffer.from(text, 'base64'))
  })
  afterEach(() => {
    delete (Uint8Array as unknown as { fromBase64?: unknown }).fromBase64
    vi.resetModules()
  })
  async function withNative() {
    Object.assign(Uint8Array, { fromBase64: native })
    vi.resetModules()
    native.mockClear()
    return (await import('../../ui/image/data-uri')).decodeBase64
  }

  it('is used for standard base64', async () => {
    const decode = await withNative()
    const bytes = randomBytes(3001)
    expect(decode(Buffer.from(bytes).toString('base64'))).toEqual(bytes)
    expect(native).toHaveBeenCalledTimes(1)
  })

  it('leaves URL-safe base64 to the tolerant decoder, and still refuses what is not base64', async () => {
    const decode = await withNative()
    expect(decode('-_-_')).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]))
    expect(() => decode('abc$')).toThrow(/Not base64/)
    expect(native).toHaveBeenCalledTimes(2)
  })
})

describe('data URIs', () => {
  it('splits the MIME type from the bytes', () => {
    const bytes = randomBytes(50)
    const decoded = decodeDataUri(`data:image/png;base64,${Buffer.from(bytes).toString('base64')}`)
    expect(decoded.mime).toBe('image/png')
    expect(decoded.bytes).toEqual(bytes)
  })

  it('reads parameters before ;base64 and percent-encoded bodies', () => {
    expect(decodeDataUri('data:image/webp;name=a.webp;base64,AAEC').bytes).toEqual(new Uint8Array([0, 1, 2]))
    expect(new TextDecoder().decode(decodeDataUri('data:text/plain,hello%20there').bytes)).toBe('hello there')
  })

  it('refuses text that is not a data URI', () => {
    expect(() => decodeDataUri('https://im.runware.ai/image.jpg')).toThrow('Not a data URI')
  })

  it('predicts the length of the URI it builds', () => {
    for (const length of [0, 1, 2, 3, 1000]) {
      const uri = toDataUri(randomBytes(length), 'image/jpeg')
      expect(dataUriLength(length, 'image/jpeg')).toBe(uri.length)
      expect(decodeDataUri(uri).bytes).toEqual(randomBytes(length))
    }
  })
})
