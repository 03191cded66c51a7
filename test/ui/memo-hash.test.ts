import { describe, expect, it } from 'vitest'

import { sha256Hex } from '../../ui/image/content-hash'
import { memoizeHash } from '../../ui/image/memo-hash'

describe('memoized content hash', () => {
  it('hashes each byte array once and gives the same answer as the hash itself', async () => {
    const calls: Uint8Array[] = []
    const hash = memoizeHash((bytes) => {
      calls.push(bytes)
      return sha256Hex(bytes)
    })
    const a = new Uint8Array([1, 2, 3])
    const b = new Uint8Array([1, 2, 3])
    expect(await hash(a)).toBe(sha256Hex(a))
    expect(await hash(a)).toBe(sha256Hex(a))
    expect(calls).toEqual([a])
    // another array with equal content is hashed on its own (identity, not content, is the key)
    expect(await hash(b)).toBe(await hash(a))
    expect(calls).toHaveLength(2)
  })

  it('shares one digest still running between everyone who asks for it', async () => {
    let finish: (hex: string) => void = () => undefined
    let started = 0
    const hash = memoizeHash(() => {
      started++
      return new Promise<string>((resolve) => (finish = resolve))
    })
    const bytes = new Uint8Array([9])
    const early = hash(bytes)
    const late = hash(bytes)
    await Promise.resolve()
    finish('abc')
    expect(await Promise.all([early, late])).toEqual(['abc', 'abc'])
    expect(started).toBe(1)
  })

  it('does not remember a digest that failed: the next ask tries again', async () => {
    let attempt = 0
    const hash = memoizeHash(() => {
      attempt++
      if (attempt === 1) throw new Error('engine refused')
      return 'ok'
    })
    const bytes = new Uint8Array([4])
    await expect(hash(bytes)).rejects.toThrow('engine refused')
    expect(await hash(bytes)).toBe('ok')
    expect(attempt).toBe(2)
  })
})
