import { createHash } from 'node:crypto'
import { describe, expect, it, vi } from 'vitest'

import { sha256Hex, sha256HexAsync } from '../../ui/image/content-hash'

const text = (s: string) => new TextEncoder().encode(s)

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex(text(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
  })

  it('agrees with node:crypto around every block boundary and on a large image-sized input', () => {
    for (const length of [55, 56, 63, 64, 65, 119, 120, 128, 3_000_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff)
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
  })

  it('changes when one byte changes', () => {
    const a = new Uint8Array(1000)
    const b = a.slice()
    b[999] = 1
    expect(sha256Hex(a)).not.toBe(sha256Hex(b))
  })
})

describe('sha256HexAsync', () => {
  const bytes = new Uint8Array(200_003).map((_, i) => (i * 7) & 0xff)

  it('gives the very digest of sha256Hex, so cached uploads stay valid whichever one ran', async () => {
    expect(globalThis.crypto?.subtle).toBeDefined()
    expect(await sha256HexAsync(bytes)).toBe(sha256Hex(bytes))
    expect(await sha256HexAsync(text('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('falls back to the plain-JS digest where WebCrypto refuses (an insecure context)', async () => {
    const digest = vi.spyOn(globalThis.crypto.subtle, 'digest').mockRejectedValue(new Error('not allowed here'))
    try {
      expect(await sha256HexAsync(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(digest).toHaveBeenCalledTimes(1)
    } finally {
      digest.mockRestore()
    }
  })
})
