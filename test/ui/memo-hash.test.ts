import { describe, expect, it } from 'vitest'

import { sha256Hex } from '../../ui/image/content-hash'
import { memoizeHash } from '../../ui/image/memo-hash'

describe('memoized content hash', () => {
  it('hashes each byte array once and gives the same answer as the hash itself', () => {
    const calls: Uint8Array[] = []
    const hash = memoizeHash((bytes) => {
      calls.push(bytes)
      return sha256Hex(bytes)
    })
    const a = new Uint8Array([1, 2, 3])
    const b = new Uint8Array([1, 2, 3])
    expect(hash(a)).toBe(sha256Hex(a))
    expect(hash(a)).toBe(sha256Hex(a))
    expect(calls).toEqual([a])
    // another array with equal content is hashed on its own (identity, not content, is the key)
    expect(hash(b)).toBe(hash(a))
    expect(calls).toHaveLength(2)
  })
})
