import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'
import { createSharpRasterizer } from './node-rasterizer'
import { readImageInfo } from './image-info'
import { decode } from './fixtures'
import { isUsableReference, kindOf } from '../../src/references/usable-nodes'

function rect(figma: PluginAPI, x: number, y: number, width: number, height: number, parent?: BaseNode & ChildrenMixin): RectangleNode {
  const node = figma.createRectangle()
  node.resize(width, height)
  node.x = x
  node.y = y
  parent?.appendChild(node)
  return node
}

describe('figma.group', () => {
  it('refuses an empty list of nodes, as Figma has no empty groups', () => {
    const { figma } = createFigmaFake()
    expect(() => figma.group([], figma.currentPage)).toThrow(/at least one node/)
    expect(figma.currentPage.children).toHaveLength(0)
  })

  it('takes the union of its children as its bounds, and follows them', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.resize(500, 500)
    frame.x = 1000
    frame.y = 2000
    const a = rect(figma, 10, 20, 30, 40, frame)
    const b = rect(figma, 100, 50, 20, 20, frame)
    const group = figma.group([a, b], frame)
    expect(group.type).toBe('GROUP')
    expect(group.parent).toBe(frame)
    expect(group.children).toEqual([a, b])
    expect({ x: group.x, y: group.y, width: group.width, height: group.height }).toEqual({ x: 10, y: 20, width: 110, height: 50 })
    expect(group.absoluteBoundingBox).toEqual({ x: 1010, y: 2020, width: 110, height: 50 })
    // Children keep x/y relative to the frame, not to the group.
    expect([a.x, a.absoluteBoundingBox?.x]).toEqual([10, 1010])
    b.x = 200
    expect(group.width).toBe(210)
  })

  it('moves its children when it moves', () => {
    const { figma } = createFigmaFake()
    const a = rect(figma, 0, 0, 10, 10)
    const b = rect(figma, 20, 30, 10, 10)
    const group = figma.group([a, b], figma.currentPage)
    group.x = 100
    group.y = 200
    expect([a.x, a.y, b.x, b.y]).toEqual([100, 200, 120, 230])
    expect({ x: group.x, y: group.y, width: group.width, height: group.height }).toEqual({ x: 100, y: 200, width: 30, height: 40 })
  })

  it('goes into its parent at the given index', () => {
    const { figma } = createFigmaFake()
    const a = rect(figma, 0, 0, 10, 10)
    const b = rect(figma, 20, 0, 10, 10)
    const c = rect(figma, 40, 0, 10, 10)
    const group = figma.group([c], figma.currentPage, 0)
    expect(figma.currentPage.children).toEqual([group, a, b])
  })

  it('is deleted when its last child is removed or moved out', () => {
    const { figma } = createFigmaFake()
    const a = rect(figma, 0, 0, 10, 10)
    const b = rect(figma, 20, 0, 10, 10)
    const group = figma.group([a, b], figma.currentPage)
    a.remove()
    expect(group.removed).toBe(false)
    figma.currentPage.selection = [group]
    figma.currentPage.appendChild(b)
    expect(group.removed).toBe(true)
    expect(figma.currentPage.children).toEqual([b])
    expect(figma.currentPage.selection).toEqual([])
  })

  it('has no fills of its own and keeps sections out', () => {
    const { figma } = createFigmaFake()
    const group = figma.group([rect(figma, 0, 0, 10, 10)], figma.currentPage)
    expect('fills' in group).toBe(false)
    expect(() => group.appendChild(figma.createSection())).toThrow(/SECTION cannot be placed inside a GROUP/)
  })

  it('exports its children, clipped to their bounds', async () => {
    const fake = createFigmaFake({ rasterizer: createSharpRasterizer() })
    const { figma } = fake
    const a = rect(figma, 0, 0, 50, 50)
    a.fills = [{ type: 'SOLID', color: { r: 1, g: 0, b: 0 } }]
    const b = rect(figma, 100, 50, 50, 50)
    b.fills = [{ type: 'SOLID', color: { r: 0, g: 0, b: 1 } }]
    const group = figma.group([a, b], figma.currentPage)
    const bytes = await group.exportAsync({ format: 'PNG' })
    expect(readImageInfo(bytes)).toEqual({ format: 'PNG', width: 150, height: 100 })
    expect((await decode(bytes, { x: 10, y: 10 })).pixel).toEqual([255, 0, 0, 255])
    expect((await decode(bytes, { x: 140, y: 90 })).pixel).toEqual([0, 0, 255, 255])
    expect((await decode(bytes, { x: 140, y: 10 })).pixel).toEqual([0, 0, 0, 0])
  })

  it('is a usable reference for the plugin: it exports, and reads as a layer', () => {
    const { figma } = createFigmaFake()
    const group = figma.group([rect(figma, 0, 0, 10, 10)], figma.currentPage)
    expect(isUsableReference(group)).toBe(true)
    expect(kindOf(group)).toBe('layer')
    group.visible = false
    expect(isUsableReference(group)).toBe(false)
  })
})
