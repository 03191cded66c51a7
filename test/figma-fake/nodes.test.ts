import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

const WHITE = { r: 1, g: 1, b: 1 }

describe('node creation defaults (plugin typings: createFrame / createRectangle)', () => {
  it('createFrame is 100×100 at 0,0, white, clipping, on the current page', () => {
    const { figma, page } = createFigmaFake()
    const frame = figma.createFrame()
    expect(frame).toMatchObject({ type: 'FRAME', name: 'Frame', x: 0, y: 0, width: 100, height: 100, rotation: 0, visible: true, locked: false })
    expect(frame.fills).toEqual([{ type: 'SOLID', visible: true, opacity: 1, blendMode: 'NORMAL', color: WHITE, boundVariables: {} }])
    expect(frame.strokes).toEqual([])
    expect(frame.clipsContent).toBe(true)
    expect(frame.layoutMode).toBe('NONE')
    expect(frame.parent).toBe(page)
    expect(page.children).toEqual([frame])
  })

  it('createRectangle is 100×100 with the default grey fill', () => {
    const { figma } = createFigmaFake()
    const rect = figma.createRectangle()
    expect(rect).toMatchObject({ type: 'RECTANGLE', name: 'Rectangle', width: 100, height: 100 })
    const fill = rect.fills as SolidPaint[]
    expect(fill[0]!.color.r).toBeCloseTo(217 / 255)
  })

  it('createSection and createText make nodes with children / characters', async () => {
    const { figma } = createFigmaFake()
    const section = figma.createSection()
    expect(section).toMatchObject({ type: 'SECTION', name: 'Section', width: 100, height: 100 })
    const text = figma.createText()
    expect(text.characters).toBe('')
    expect(() => { text.characters = 'Hello' }).toThrow(/unloaded font "Inter Regular".*loadFontAsync/)
    await figma.loadFontAsync({ family: 'Inter', style: 'Regular' })
    text.characters = 'Hello'
    expect(text.name).toBe('Hello')
    section.appendChild(text)
    expect(section.children).toEqual([text])
  })

  it('gives every node a unique Figma-style id', () => {
    const { figma } = createFigmaFake()
    const ids = [figma.createFrame(), figma.createRectangle(), figma.createSection(), figma.createText()].map((n) => n.id)
    expect(new Set(ids).size).toBe(4)
    for (const id of ids) expect(id).toMatch(/^\d+:\d+$/)
    expect(figma.root.id).toBe('0:0')
    expect(figma.currentPage.id).toMatch(/^0:\d+$/)
  })
})

describe('tree operations', () => {
  it('appendChild moves a node, insertChild respects indices 0..length', () => {
    const { figma, page } = createFigmaFake()
    const frame = figma.createFrame()
    const [a, b, c] = [figma.createRectangle(), figma.createRectangle(), figma.createRectangle()]
    frame.appendChild(a)
    frame.appendChild(b)
    frame.insertChild(0, c)
    expect(frame.children).toEqual([c, a, b])
    expect(page.children).toEqual([frame])
    expect(() => frame.insertChild(4, figma.createRectangle())).toThrow(RangeError)
    frame.insertChild(3, c)
    expect(frame.children).toEqual([a, b, c])
    expect(() => a.parent && frame.appendChild(frame)).toThrow(/inside itself/)
  })

  it('nodes compare by identity in assertions and show their id, type and name', () => {
    const { figma } = createFigmaFake()
    const [a, b] = [figma.createFrame(), figma.createFrame()]
    expect(a).not.toEqual(b)
    expect(Object.keys(a)).toEqual(['_id', '_type', '_name'])
  })

  it('children is a fresh frozen array on every read', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.appendChild(figma.createRectangle())
    const first = frame.children
    expect(first).not.toBe(frame.children)
    expect(() => (first as SceneNode[]).push(figma.createRectangle())).toThrow(TypeError)
  })

  it('refuses sections inside frames and pages inside anything but the document', () => {
    const { figma, page } = createFigmaFake()
    const frame = figma.createFrame()
    expect(() => frame.appendChild(figma.createSection())).toThrow(/SECTION cannot be placed inside a FRAME/)
    expect(() => frame.appendChild(page as unknown as SceneNode)).toThrow(/PAGE/)
  })

  it('remove() detaches the subtree and sets removed; the node is then unusable', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    const rect = figma.createRectangle()
    frame.appendChild(rect)
    frame.remove()
    expect(frame.removed).toBe(true)
    expect(rect.removed).toBe(true)
    expect(figma.currentPage.children).toEqual([])
    expect(frame.id).toMatch(/^1:/)
    expect(() => frame.name).toThrow(/does not exist/)
    expect(() => { rect.x = 1 }).toThrow(/does not exist/)
    expect(await figma.getNodeByIdAsync(rect.id)).toBeNull()
  })

  it('finds nodes in pre-order, by callback or criteria', () => {
    const { figma, page } = createFigmaFake()
    const frame = figma.createFrame()
    const rect = figma.createRectangle()
    frame.appendChild(rect)
    rect.setPluginData('generation', '{}')
    const other = figma.createRectangle()
    expect(page.findAll()).toEqual([frame, rect, other])
    expect(page.findOne((n) => n.type === 'RECTANGLE')).toBe(rect)
    expect(page.findChildren((n) => n.type === 'RECTANGLE')).toEqual([other])
    expect(page.findAllWithCriteria({ types: ['RECTANGLE'], pluginData: { keys: ['generation'] } })).toEqual([rect])
  })
})

describe('paints', () => {
  it('fills are frozen: assigning a new array works, mutating throws', () => {
    const { figma } = createFigmaFake()
    const rect = figma.createRectangle()
    const fills = rect.fills as SolidPaint[]
    expect(() => fills.push(fills[0]!)).toThrow(TypeError)
    expect(() => { (fills[0]!.color as { r: number }).r = 0 }).toThrow(TypeError)
    rect.fills = [{ type: 'SOLID', color: { r: 0, g: 0.5, b: 1 }, opacity: 0.5 }]
    expect(rect.fills).toEqual([{ type: 'SOLID', visible: true, opacity: 0.5, blendMode: 'NORMAL', color: { r: 0, g: 0.5, b: 1 }, boundVariables: {} }])
  })

  it('validates paints as Figma does: no alpha in RGB, known keys, existing image hashes', () => {
    const { figma } = createFigmaFake()
    const rect = figma.createRectangle()
    expect(() => { rect.fills = [{ type: 'SOLID', color: { r: 1, g: 1, b: 1, a: 1 } as RGB }] }).toThrow(/Unrecognized key\(s\).*'a'/)
    expect(() => { rect.fills = [{ type: 'SOLID', color: { r: 2, g: 0, b: 0 } }] }).toThrow(/between 0 and 1/)
    expect(() => { rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: 'f'.repeat(40) }] }).toThrow(/No image with hash/)
    expect(() => { rect.fills = figma.mixed as unknown as Paint[] }).toThrow(/mixed/)
  })
})

describe('members Figma has but the fake does not', () => {
  it('throw "not implemented in the fake", while names Figma lacks read undefined', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    expect(() => frame.clone()).toThrow('not implemented in the fake: FrameNode.clone')
    expect(() => frame.effects).toThrow('not implemented in the fake: FrameNode.effects')
    expect((frame as unknown as Record<string, unknown>).characters).toBeUndefined()
    expect((figma.createSection() as unknown as Record<string, unknown>).rotation).toBeUndefined()
    expect('children' in frame && !('children' in figma.createRectangle())).toBe(true)
    expect(() => { (frame as unknown as Record<string, unknown>).custom = 1 }).toThrow(/not extensible/)
  })
})
