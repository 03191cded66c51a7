import { describe, expect, it } from 'vitest'

import { addToSpend, EMPTY_SPEND, pricePerImage } from '../../src/common/history'
import { addEntry, boundHistory, entryBytes, HISTORY_LIMITS } from '../../src/history/bound-history'
import { entry } from './fixtures'

describe('history bounds', () => {
  it('keeps the newest runs first and evicts the oldest past the count limit', () => {
    let list = [entry('a')]
    for (const id of ['b', 'c', 'd']) list = addEntry(list, entry(id), { maxEntries: 3, maxBytes: 1_000_000 })
    expect(list.map((e) => e.id)).toEqual(['d', 'c', 'b'])
  })

  it('evicts the oldest runs past the byte budget, counting thumbnail bytes', () => {
    const heavy = [entry('new', {}, 20_000), entry('mid', {}, 20_000), entry('old', {}, 20_000)]
    const one = entryBytes(heavy[0]!)
    expect(one).toBeGreaterThan(40_000)
    expect(boundHistory(heavy, { maxEntries: 10, maxBytes: one * 2 + 10 }).map((e) => e.id)).toEqual(['new', 'mid'])
  })

  it('never lets a full history exceed its budget, which stays far under the 5 MB of clientStorage', () => {
    let list: ReturnType<typeof boundHistory> = []
    for (let i = 0; i < 200; i++) list = addEntry(list, entry(`run-${i}`, { prompt: 'ü'.repeat(1000) }, 24_000))
    const total = list.reduce((sum, e) => sum + entryBytes(e), 0)
    expect(total).toBeLessThanOrEqual(HISTORY_LIMITS.maxBytes)
    expect(HISTORY_LIMITS.maxBytes).toBeLessThan(5 * 1024 * 1024 / 4)
    expect(list[0]!.id).toBe('run-199')
  })

  it('replaces an entry sent again under the same id instead of listing it twice', () => {
    const list = addEntry([entry('a', { placed: 1 }), entry('b')], entry('a', { placed: 2 }))
    expect(list.map((e) => [e.id, e.placed])).toEqual([['a', 2], ['b', 2]])
  })
})

describe('spend', () => {
  it('adds a priced run to the total and remembers the price per image', () => {
    const spend = addToSpend(addToSpend(EMPTY_SPEND, { cost: 0.08, placed: 4 }), { cost: 0.06, placed: 2 })
    expect(spend.total).toBeCloseTo(0.14)
    expect(spend.images).toBe(6)
    expect(spend.lastPricePerImage).toBeCloseTo(0.03)
  })

  it('ignores runs without a cost or without images', () => {
    expect(addToSpend(EMPTY_SPEND, { placed: 3 })).toEqual(EMPTY_SPEND)
    expect(pricePerImage({ cost: 0.1, placed: 0 })).toBeUndefined()
  })
})
