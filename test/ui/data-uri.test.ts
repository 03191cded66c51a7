import { describe, expect, it } from 'vitest'

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
