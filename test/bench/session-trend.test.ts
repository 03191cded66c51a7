import { describe, expect, it } from 'vitest'

import { heapGrowth } from './ui-heap'
import { END_RUNS, sessionEnds, slopePerRun } from './session-trend'

describe('sessionEnds', () => {
  it('takes the median of the first and of the last runs, so one slow run at an end does not stand for it', () => {
    const runs = [500, 1200, 510, 490, 505, ...Array<number>(20).fill(700), 600, 610, 1500, 590, 620]
    expect(END_RUNS).toBe(5)
    expect(sessionEnds(runs)).toEqual({ first: 505, last: 610 })
  })

  it('refuses a session too short for two separate ends', () => {
    expect(() => sessionEnds([1, 2, 3, 4, 5, 6, 7, 8, 9])).toThrow('at least 10 runs, got 9')
  })
})

describe('slopePerRun', () => {
  it('reads a steady growth exactly', () => {
    expect(slopePerRun([100, 110, 120, 130, 140, 150])).toBe(10)
  })

  it('is not tilted by a few slow runs, as a least-squares line would be', () => {
    const flat = Array.from({ length: 30 }, (_, i) => 500 + (i % 2))
    flat[26] = 1500
    flat[28] = 1400
    expect(Math.abs(slopePerRun(flat))).toBeLessThan(0.1)
  })

  it('is zero for a single run', () => {
    expect(slopePerRun([400])).toBe(0)
  })
})

describe('heapGrowth', () => {
  it('counts array buffers and the DOM with the JavaScript heap, and says which part grew', () => {
    const mb = 1024 * 1024
    const growth = heapGrowth({ js: 4 * mb, dom: 1 * mb, buffers: 0 }, { js: 4.5 * mb, dom: 1 * mb, buffers: 12 * mb })
    expect(growth.bytes).toBe(12.5 * mb)
    expect(growth.total).toBe('+12.50 MB')
    expect(growth.parts).toBe('JS +0.50, DOM +0.00, array buffers +12.00 MB')
  })

  it('shows a shrink with its sign', () => {
    const growth = heapGrowth({ js: 2 * 1024 * 1024, dom: 0, buffers: 0 }, { js: 1024 * 1024, dom: 0, buffers: 0 })
    expect(growth.total).toBe('-1.00 MB')
  })
})
