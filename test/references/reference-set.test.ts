import { describe, expect, it } from 'vitest'

import { added, chosenItems, fitted, itemsOf, listed, NO_REFERENCES, roomBeside, toggled, updated } from '../../ui/references/reference-set'
import { referenceMeta } from '../ui/fixtures'

const metas = (...ids: string[]) => ids.map((id) => referenceMeta(id))
const ids = (set: { chosen: readonly string[] }) => [...set.chosen]
const sent = (set: Parameters<typeof chosenItems>[0]) => chosenItems(set).map((item) => item.nodeId)

describe('any 3 of many', () => {
  it('a selection of up to 3 is chosen whole; of more, the first 3 in canvas order', () => {
    expect(ids(listed(itemsOf(metas('a', 'b'), 1), null))).toEqual(['a', 'b'])
    const many = listed(itemsOf(metas('a', 'b', 'c', 'd', 'e'), 1), null)
    expect(many.candidates).toHaveLength(5)
    expect(sent(many)).toEqual(['a', 'b', 'c'])
  })

  it('a selection pass exports only its first three at full size', () => {
    expect(itemsOf(metas('a', 'b', 'c', 'd'), 7, 3).map((item) => [item.nodeId, item.passId, item.full])).toEqual([
      ['a', 7, true],
      ['b', 7, true],
      ['c', 7, true],
      ['d', 7, false],
    ])
  })

  it('choosing a fourth lets the longest-chosen go; the sent order stays canvas order', () => {
    let set = listed(itemsOf(metas('a', 'b', 'c', 'd'), 1), null)
    set = toggled(set, 'd', 3)
    expect(ids(set)).toEqual(['b', 'c', 'd'])
    set = toggled(set, 'a', 3)
    expect(sent(set)).toEqual(['a', 'c', 'd'])
  })

  it('unchoosing and choosing again swaps exactly the one clicked', () => {
    let set = listed(itemsOf(metas('a', 'b', 'c', 'd'), 1), null)
    set = toggled(set, 'b', 3)
    expect(sent(set)).toEqual(['a', 'c'])
    set = toggled(set, 'd', 3)
    expect(sent(set)).toEqual(['a', 'c', 'd'])
  })

  it('a node not listed cannot be chosen', () => {
    const set = listed(itemsOf(metas('a'), 1), null)
    expect(toggled(set, 'zz', 3)).toBe(set)
  })
})

describe('a pinned style takes one of the three places', () => {
  it('leaves room for two, is never listed twice, and trims a choice of three', () => {
    expect(roomBeside('s')).toBe(2)
    expect(roomBeside(null)).toBe(3)
    const set = listed(itemsOf(metas('a', 's', 'b', 'c'), 1), 's')
    expect(set.candidates.map((item) => item.nodeId)).toEqual(['a', 'b', 'c'])
    expect(sent(set)).toEqual(['a', 'b'])
    const three = listed(itemsOf(metas('a', 'b', 'c'), 1), null)
    expect(sent(fitted(three, 2, 'c'))).toEqual(['a', 'b'])
    expect(fitted(three, 2, 'c').candidates.map((item) => item.nodeId)).toEqual(['a', 'b'])
  })
})

describe('references across runs', () => {
  it('“Use as reference” lists a result and chooses it, keeping the others while there is room', () => {
    let set = listed(itemsOf(metas('a', 'b'), 1), null)
    set = added(set, itemsOf([referenceMeta('r1', 1024, 1024, 'result', 'image')], 5)[0]!, 3)
    expect(sent(set)).toEqual(['a', 'b', 'r1'])
    set = added(set, itemsOf(metas('r2'), 6)[0]!, 3)
    expect(sent(set)).toEqual(['b', 'r1', 'r2'])
  })

  it('a fresh export of a listed node replaces its listing, nothing else', () => {
    const set = listed(itemsOf(metas('a', 'b', 'c', 'd'), 1, 3), null)
    const fresh = updated(set, itemsOf(metas('d'), 9))
    expect(fresh.candidates.find((item) => item.nodeId === 'd')).toMatchObject({ passId: 9, full: true })
    expect(fresh.chosen).toEqual(set.chosen)
  })

  it('nothing listed sends nothing', () => {
    expect(sent(NO_REFERENCES)).toEqual([])
  })
})
