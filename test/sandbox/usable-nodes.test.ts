import { describe, expect, it } from 'vitest'

import { isUsableReference, kindOf, selectionStateOf, usableNodes } from '../../src/references/usable-nodes'
import type { CandidateNode } from '../../src/references/usable-nodes'

const exportAsync = () => Promise.resolve(new Uint8Array())

function node(name: string, x: number, y: number, extra: Partial<CandidateNode & { type: string }> = {}) {
  return { name, visible: true, width: 100, height: 80, absoluteBoundingBox: { x, y, width: 100, height: 80 }, exportAsync, ...extra }
}

describe('usable references', () => {
  it('keeps exportable, visible, non-empty nodes', () => {
    expect(isUsableReference(node('a', 0, 0))).toBe(true)
    expect(isUsableReference(node('no export', 0, 0, { exportAsync: undefined }))).toBe(false)
    expect(isUsableReference(node('hidden', 0, 0, { visible: false }))).toBe(false)
    expect(isUsableReference(node('flat', 0, 0, { absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 0 } }))).toBe(false)
  })

  it('treats a layer inside a hidden frame as hidden, but stops at the page', () => {
    const page = { type: 'PAGE', visible: false }
    const hiddenFrame = { type: 'FRAME', visible: false, parent: page }
    expect(isUsableReference(node('inside hidden', 0, 0, { parent: hiddenFrame }))).toBe(false)
    expect(isUsableReference(node('on page', 0, 0, { parent: page }))).toBe(true)
  })

  it('sorts top to bottom, then left to right', () => {
    const picked = usableNodes([node('c', 0, 500), node('b', 300, 0), node('a', 0, 0), node('x', 0, 0, { visible: false })])
    expect(picked.map((n) => n.name)).toEqual(['a', 'b', 'c'])
  })

  it('names each selection state', () => {
    expect(selectionStateOf(0, 0)).toBe('empty')
    expect(selectionStateOf(2, 0)).toBe('unsupported')
    expect(selectionStateOf(1, 1)).toBe('ok')
    expect(selectionStateOf(3, 3)).toBe('ok')
    // more than the model takes is still a usable selection: the panel chooses 3 of them
    expect(selectionStateOf(20, 20)).toBe('ok')
  })
})

describe('what a reference is called', () => {
  it('an image-filled layer (a generated result) is an image, frames and their kin are frames, the rest layers', () => {
    expect(kindOf({ type: 'RECTANGLE', fills: [{ type: 'SOLID' }, { type: 'IMAGE' }] })).toBe('image')
    expect(kindOf({ type: 'FRAME', fills: [{ type: 'IMAGE' }] })).toBe('image')
    for (const type of ['FRAME', 'COMPONENT', 'COMPONENT_SET', 'INSTANCE', 'SECTION']) expect(kindOf({ type, fills: [] })).toBe('frame')
    expect(kindOf({ type: 'GROUP' })).toBe('layer')
    expect(kindOf({ type: 'RECTANGLE', fills: [{ type: 'SOLID' }] })).toBe('layer')
    // a node whose fills are mixed (figma.mixed, a symbol) is not an image by its fills
    expect(kindOf({ type: 'TEXT', fills: Symbol('mixed') })).toBe('layer')
  })
})
