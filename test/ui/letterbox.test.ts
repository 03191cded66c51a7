import { describe, expect, it } from 'vitest'

import { letterbox, needsLetterbox } from '../../ui/image/letterbox'

describe('letterbox', () => {
  it('leaves images inside 1:2–2:1 alone, including the limits themselves', () => {
    expect(letterbox(800, 600)).toEqual({ width: 800, height: 600, x: 0, y: 0, padded: false })
    expect(letterbox(2000, 1000).padded).toBe(false)
    expect(letterbox(1000, 2000).padded).toBe(false)
  })

  it('pads a wide image above and below to exactly 2:1, centred', () => {
    expect(letterbox(3000, 1000)).toEqual({ width: 3000, height: 1500, x: 0, y: 250, padded: true })
  })

  it('pads a tall image left and right to exactly 1:2, centred', () => {
    expect(letterbox(500, 2000)).toEqual({ width: 1000, height: 2000, x: 250, y: 0, padded: true })
  })

  it('rounds up so odd sizes end inside the limit', () => {
    const box = letterbox(2049, 100)
    expect(box.height).toBe(1025)
    expect(box.width / box.height).toBeLessThanOrEqual(2)
    expect(box.y).toBe(462)
    const tall = letterbox(7, 2049)
    expect(tall.width).toBe(1025)
    expect(tall.width / tall.height).toBeGreaterThanOrEqual(0.5)
  })

  it('refuses empty sizes', () => {
    expect(() => letterbox(0, 10)).toThrow()
  })

  it('says when padding is needed', () => {
    expect(needsLetterbox(2100, 1000)).toBe(true)
    expect(needsLetterbox(1000, 2100)).toBe(true)
    expect(needsLetterbox(1999, 1000)).toBe(false)
  })
})
