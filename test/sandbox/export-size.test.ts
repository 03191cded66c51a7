import { describe, expect, it } from 'vitest'

import { MAX_LONG_SIDE, MIN_LONG_SIDE, planExport } from '../../src/references/export-size'

describe('planExport', () => {
  it('keeps scale 1 when the longest side is within 512–2048 px', () => {
    expect(planExport(1440, 1080)).toEqual({ constraint: { type: 'SCALE', value: 1 }, pixelWidth: 1440, pixelHeight: 1080 })
    expect(planExport(512, 100)).toEqual({ constraint: { type: 'SCALE', value: 1 }, pixelWidth: 512, pixelHeight: 100 })
    expect(planExport(300, 2048)).toEqual({ constraint: { type: 'SCALE', value: 1 }, pixelWidth: 300, pixelHeight: 2048 })
  })

  it('caps a long landscape side with a WIDTH constraint', () => {
    expect(planExport(4000, 3000)).toEqual({ constraint: { type: 'WIDTH', value: 2048 }, pixelWidth: 2048, pixelHeight: 1536 })
  })

  it('caps a long portrait side with a HEIGHT constraint', () => {
    expect(planExport(1000, 5000)).toEqual({ constraint: { type: 'HEIGHT', value: 2048 }, pixelWidth: 410, pixelHeight: 2048 })
  })

  it('scales small layers up so the longest side is 512', () => {
    expect(planExport(200, 100)).toEqual({ constraint: { type: 'WIDTH', value: 512 }, pixelWidth: 512, pixelHeight: 256 })
    expect(planExport(64, 128)).toEqual({ constraint: { type: 'HEIGHT', value: 512 }, pixelWidth: 256, pixelHeight: 512 })
  })

  it('always gives whole pixels, at least one per side', () => {
    for (const [w, h] of [
      [100.4, 33.3],
      [777.7, 123.45],
      [2048.5, 10],
      [5000, 1],
      [3, 0.5],
    ] as const) {
      const plan = planExport(w, h)
      expect(Number.isInteger(plan.pixelWidth)).toBe(true)
      expect(Number.isInteger(plan.pixelHeight)).toBe(true)
      expect(Math.min(plan.pixelWidth, plan.pixelHeight)).toBeGreaterThanOrEqual(1)
      const longest = Math.max(plan.pixelWidth, plan.pixelHeight)
      expect(longest).toBeGreaterThanOrEqual(MIN_LONG_SIDE)
      expect(longest).toBeLessThanOrEqual(MAX_LONG_SIDE)
    }
  })

  it('a square at the exact limits stays at scale 1', () => {
    expect(planExport(2048, 2048).constraint).toEqual({ type: 'SCALE', value: 1 })
    expect(planExport(512, 512).constraint).toEqual({ type: 'SCALE', value: 1 })
  })

  it('refuses an empty area', () => {
    expect(() => planExport(0, 100)).toThrow(RangeError)
    expect(() => planExport(100, Number.NaN)).toThrow(RangeError)
  })
})
