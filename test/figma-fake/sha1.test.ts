import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha1Hex } from './sha1'

describe('sha1Hex', () => {
  it('matches node:crypto for empty, short, block-boundary and long inputs', () => {
    for (const length of [0, 3, 55, 56, 63, 64, 119, 120, 127, 128, 1000, 100_000]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff)
      expect(sha1Hex(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'))
    }
  })
})
