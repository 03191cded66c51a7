import { describe, expect, it } from 'vitest'

import { sameBytes } from '../../ui/image/same-bytes'

function pattern(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 255)
}

describe('sameBytes', () => {
  it('is true for equal contents in different arrays, and for empty ones', () => {
    expect(sameBytes(pattern(1003), pattern(1003))).toBe(true)
    expect(sameBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true)
  })

  it('is false when the lengths differ, even if one is a prefix of the other', () => {
    expect(sameBytes(pattern(1003), pattern(1002))).toBe(false)
  })

  it('finds a single changed byte anywhere: in the word-wise part and in the tail', () => {
    for (const at of [0, 1, 500, 999, 1000, 1002]) {
      const changed = pattern(1003)
      changed[at] ^= 1
      expect(sameBytes(pattern(1003), changed), `byte ${at}`).toBe(false)
    }
  })

  it('compares views that do not start on a word boundary', () => {
    const a = pattern(1004).subarray(1)
    const b = pattern(1003)
    const shifted = new Uint8Array(1004)
    shifted.set(pattern(1003), 1)
    expect(sameBytes(a, shifted.subarray(1))).toBe(false) // contents differ by the shift
    expect(sameBytes(shifted.subarray(1), b)).toBe(true)
    const edited = shifted.slice()
    edited[900] ^= 1
    expect(sameBytes(edited.subarray(1), b)).toBe(false)
  })
})
