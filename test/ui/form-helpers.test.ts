import { describe, expect, it } from 'vitest'

import { ALLOWED_SIZES } from '../../src/common/sizes'
import { clampCount } from '../../ui/lib/count'
import { formatCost } from '../../src/common/cost'
import { maskKey } from '../../ui/lib/format'
import { counterText, promptProblem } from '../../ui/lib/prompt'
import { groupSizes, matchReferenceSize, sizeLabel } from '../../ui/lib/size-options'

describe('prompt', () => {
  it('counts UTF-16 code units, like the API', () => {
    expect(counterText('hello')).toBe('5 / 1000')
    expect(counterText('🌊')).toBe('2 / 1000')
  })

  it('explains each problem', () => {
    expect(promptProblem('')).toMatch(/Write a prompt/)
    expect(promptProblem('   \n ')).toMatch(/only spaces/)
    expect(promptProblem('a'.repeat(1000))).toBeNull()
    expect(promptProblem('a'.repeat(1001))).toBe('The prompt is 1 character too long (at most 1000)')
    expect(promptProblem('🌊'.repeat(501))).toBe('The prompt is 2 characters too long (at most 1000)')
  })
})

describe('sizes', () => {
  it('offers all 16 sizes exactly once, in six aspect groups', () => {
    const groups = groupSizes()
    expect(groups.map((g) => g.aspect)).toEqual(['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'])
    const offered = groups.flatMap((g) => g.sizes)
    expect(offered).toHaveLength(16)
    expect(new Set(offered)).toEqual(new Set(ALLOWED_SIZES))
    for (const group of groups) expect(group.sizes.every((s) => s.aspect === group.aspect)).toBe(true)
  })

  it('labels sizes with their tier', () => {
    expect(sizeLabel({ width: 1440, height: 1080 })).toBe('1440 × 1080 · 1080p')
    expect(sizeLabel({ width: 1024, height: 1024 })).toBe('1024 × 1024 · 1K')
  })

  it('matches a reference aspect, keeping the current tier when the aspect already fits', () => {
    expect(matchReferenceSize({ width: 1600, height: 900 })).toMatchObject({ width: 1920, height: 1080 })
    expect(matchReferenceSize({ width: 1600, height: 900 }, { width: 1280, height: 720 })).toMatchObject({ width: 1280, height: 720 })
    expect(matchReferenceSize({ width: 500, height: 1000 }, { width: 1280, height: 720 })).toMatchObject({ width: 1080, height: 1920 })
  })
})

describe('count', () => {
  it('clamps into 1–20 and says why', () => {
    expect(clampCount(4)).toEqual({ value: 4, note: null })
    expect(clampCount(25)).toEqual({ value: 20, note: 'At most 20 results per run' })
    expect(clampCount(0)).toEqual({ value: 1, note: 'At least 1 result' })
    expect(clampCount(-3).value).toBe(1)
    expect(clampCount(2.6)).toEqual({ value: 3, note: 'Whole numbers only' })
    expect(clampCount(Number.NaN)).toEqual({ value: 1, note: 'Enter a number from 1 to 20' })
  })
})

describe('format', () => {
  it('shows cost with enough digits', () => {
    expect(formatCost(0.02)).toBe('$0.02')
    expect(formatCost(0.0045)).toBe('$0.0045')
    expect(formatCost(1.5)).toBe('$1.50')
  })

  it('masks a key down to its last four characters', () => {
    expect(maskKey('abcdefghijklmnop')).toBe('••••••••mnop')
    expect(maskKey('short')).toBe('••••••••')
  })
})
