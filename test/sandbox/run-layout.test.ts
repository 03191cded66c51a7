import { describe, expect, it } from 'vitest'

import { LAYOUT, moveDownUntilFree, overlaps, planRunLayout, unionOf } from '../../src/placement/run-layout'
import type { LayoutInput, Rect } from '../../src/placement/run-layout'

const source: Rect = { x: 0, y: 0, width: 800, height: 600 }

function input(overrides: Partial<LayoutInput> = {}): LayoutInput {
  return {
    count: 1,
    size: { width: 1440, height: 1080 },
    sources: source,
    fallbackCentre: { x: 0, y: 0 },
    occupied: [source],
    previousRuns: [],
    ...overrides,
  }
}

function noSlotsOverlap(slots: Rect[]): boolean {
  return slots.every((a, i) => slots.every((b, j) => i === j || !overlaps(a, b)))
}

describe('planRunLayout', () => {
  it('puts one result to the right of the sources, top-aligned, inside padding', () => {
    const layout = planRunLayout(input())
    expect(layout.section).toEqual({
      x: 800 + LAYOUT.sourceGap,
      y: 0,
      width: 1440 + 2 * LAYOUT.padding,
      height: 1080 + 2 * LAYOUT.padding,
    })
    expect(layout.slots).toEqual([{ x: 880 + LAYOUT.padding, y: LAYOUT.padding, width: 1440, height: 1080 }])
    expect([layout.columns, layout.rows]).toEqual([1, 1])
  })

  it('lays four results out in one row with equal gaps', () => {
    const layout = planRunLayout(input({ count: 4, size: { width: 720, height: 1280 } }))
    expect(layout.columns).toBe(4)
    expect(layout.rows).toBe(1)
    expect(layout.slots.map((s) => s.y)).toEqual([80, 80, 80, 80])
    const xs = layout.slots.map((s) => s.x)
    expect(xs.slice(1).map((x, i) => x - xs[i]!)).toEqual([760, 760, 760])
    expect(layout.section.width).toBe(4 * 720 + 3 * LAYOUT.slotGap + 2 * LAYOUT.padding)
    expect(noSlotsOverlap(layout.slots)).toBe(true)
  })

  it('wraps twenty results into a 5 × 4 grid, every slot the exact size', () => {
    const size = { width: 1920, height: 1080 }
    const layout = planRunLayout(input({ count: 20, size }))
    expect([layout.columns, layout.rows]).toEqual([5, 4])
    expect(layout.slots).toHaveLength(20)
    expect(layout.slots.every((s) => s.width === 1920 && s.height === 1080)).toBe(true)
    expect(new Set(layout.slots.map((s) => s.x)).size).toBe(5)
    expect(new Set(layout.slots.map((s) => s.y)).size).toBe(4)
    expect(layout.slots[5]).toMatchObject({ x: layout.slots[0]!.x, y: layout.slots[0]!.y + 1080 + LAYOUT.slotGap })
    expect(noSlotsOverlap(layout.slots)).toBe(true)
    const section = layout.section
    for (const slot of layout.slots) {
      expect(slot.x).toBeGreaterThanOrEqual(section.x)
      expect(slot.y).toBeGreaterThanOrEqual(section.y)
      expect(slot.x + slot.width).toBeLessThanOrEqual(section.x + section.width)
      expect(slot.y + slot.height).toBeLessThanOrEqual(section.y + section.height)
    }
  })

  it('wraps only past five', () => {
    expect(planRunLayout(input({ count: 5 })).rows).toBe(1)
    expect(planRunLayout(input({ count: 6 }))).toMatchObject({ columns: 5, rows: 2 })
  })

  it('goes below a previous run from the same sources', () => {
    const first = planRunLayout(input({ count: 2 }))
    const second = planRunLayout(input({ count: 2, previousRuns: [first.section], occupied: [source, first.section] }))
    expect(second.section.x).toBe(first.section.x)
    expect(second.section.y).toBe(first.section.y + first.section.height + LAYOUT.runGap)
  })

  it('goes below a previous run even when the designer moved it away', () => {
    const moved: Rect = { x: 5000, y: 3000, width: 400, height: 400 }
    const layout = planRunLayout(input({ previousRuns: [moved], occupied: [source, moved] }))
    expect(layout.section.y).toBe(3400 + LAYOUT.runGap)
  })

  it('moves down until it overlaps nothing on the page', () => {
    const blockers: Rect[] = [
      { x: 1000, y: -100, width: 500, height: 500 },
      { x: 2000, y: 500, width: 300, height: 1000 },
    ]
    const layout = planRunLayout(input({ occupied: [source, ...blockers] }))
    for (const blocker of blockers) expect(overlaps(layout.section, blocker)).toBe(false)
    expect(layout.section.x).toBe(880)
    expect(layout.section.y).toBe(1500 + LAYOUT.runGap)
  })

  it('centres on the viewport when there are no sources', () => {
    const layout = planRunLayout(input({ sources: null, occupied: [], fallbackCentre: { x: 1000, y: 2000 } }))
    expect(layout.section.x + layout.section.width / 2).toBe(1000)
    expect(layout.section.y + layout.section.height / 2).toBe(2000)
  })
})

describe('layout helpers', () => {
  it('unionOf spans every rectangle and is null for none', () => {
    expect(unionOf([])).toBeNull()
    expect(
      unionOf([
        { x: 0, y: 10, width: 10, height: 10 },
        { x: -5, y: 50, width: 10, height: 5 },
      ]),
    ).toEqual({ x: -5, y: 10, width: 15, height: 45 })
  })

  it('overlaps ignores touching edges', () => {
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(false)
    expect(overlaps({ x: 0, y: 0, width: 10, height: 10 }, { x: 9, y: 9, width: 10, height: 10 })).toBe(true)
  })

  it('moveDownUntilFree keeps the margin from everything it passes', () => {
    const occupied: Rect[] = [
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 0, y: 150, width: 100, height: 100 },
    ]
    const placed = moveDownUntilFree({ x: 0, y: 0, width: 100, height: 100 }, occupied, 20)
    expect(placed.y).toBe(270)
    expect(occupied.every((r) => !overlaps(placed, r))).toBe(true)
  })
})
