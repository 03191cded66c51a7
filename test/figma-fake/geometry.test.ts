import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('size and position', () => {
  it('resize and resizeWithoutConstraints refuse values below 0.01', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.resize(0.01, 640)
    expect([frame.width, frame.height]).toEqual([0.01, 640])
    expect(() => frame.resize(0.009, 10)).toThrow(/resize: Expected "width" to have value >= 0.01/)
    expect(() => frame.resizeWithoutConstraints(10, 0)).toThrow(/resizeWithoutConstraints: Expected "height" to have value >= 0.01/)
    expect(() => frame.resize(Number.NaN, 10)).toThrow(TypeError)
  })

  it('width, height and absolute values are read-only', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame() as unknown as Record<string, unknown>
    expect(() => { frame.width = 5 }).toThrow(TypeError)
    expect(() => { frame.absoluteBoundingBox = null }).toThrow(TypeError)
    expect(() => { frame.id = 'x' }).toThrow(TypeError)
  })

  it('computes absolute transform and bounds through frames and sections', () => {
    const { figma } = createFigmaFake()
    const section = figma.createSection()
    section.x = 1000
    section.y = 500
    const frame = figma.createFrame()
    section.appendChild(frame)
    frame.x = 20
    frame.y = 30
    const rect = figma.createRectangle()
    frame.appendChild(rect)
    rect.x = 5
    rect.y = 6
    rect.resize(10, 20)
    expect([rect.x, rect.y]).toEqual([5, 6])
    expect(rect.absoluteTransform).toEqual([[1, 0, 1025], [0, 1, 536]])
    expect(rect.absoluteBoundingBox).toEqual({ x: 1025, y: 536, width: 10, height: 20 })
    expect(rect.absoluteRenderBounds).toEqual({ x: 1025, y: 536, width: 10, height: 20 })
  })

  it('rotation is degrees counter-clockwise about the top-left corner, bounds grow accordingly', () => {
    const { figma } = createFigmaFake()
    const rect = figma.createRectangle()
    rect.resize(100, 50)
    rect.rotation = 90
    expect(rect.relativeTransform).toEqual([[0, 1, 0], [-1, 0, 0]])
    expect(rect.absoluteBoundingBox).toEqual({ x: 0, y: -100, width: 50, height: 100 })
    rect.rotation = 270
    expect(rect.rotation).toBe(-90)
  })

  it('render bounds include children outside a non-clipping frame and are null when hidden', () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    const rect = figma.createRectangle()
    frame.appendChild(rect)
    rect.x = 150
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 100, height: 100 })
    frame.clipsContent = false
    expect(frame.absoluteRenderBounds).toEqual({ x: 0, y: 0, width: 250, height: 100 })
    frame.visible = false
    expect(frame.absoluteRenderBounds).toBeNull()
    expect(rect.absoluteRenderBounds).toBeNull()
    expect(frame.absoluteBoundingBox).toEqual({ x: 0, y: 0, width: 100, height: 100 })
  })

  it('outside strokes widen the render bounds but not the bounding box', () => {
    const { figma } = createFigmaFake()
    const rect = figma.createRectangle()
    rect.strokes = [{ type: 'SOLID', color: { r: 0, g: 0, b: 0 } }]
    rect.strokeWeight = 4
    rect.strokeAlign = 'OUTSIDE'
    expect(rect.absoluteRenderBounds).toEqual({ x: -4, y: -4, width: 108, height: 108 })
    expect(rect.absoluteBoundingBox).toEqual({ x: 0, y: 0, width: 100, height: 100 })
  })
})

describe('auto-layout', () => {
  it('ignores x/y of children and stacks them with padding and spacing', () => {
    const { figma } = createFigmaFake()
    const row = figma.createFrame()
    const a = figma.createRectangle()
    const b = figma.createRectangle()
    row.appendChild(a)
    row.appendChild(b)
    row.layoutMode = 'HORIZONTAL'
    row.paddingLeft = 10
    row.paddingTop = 5
    row.itemSpacing = 20
    b.x = 999
    expect([a.x, a.y, b.x, b.y]).toEqual([10, 5, 130, 5])
    expect(row.width).toBe(230) // hugs the primary axis by default
    expect(row.height).toBe(100)
  })

  it('keeps the computed positions when auto-layout is turned off; ABSOLUTE children opt out', () => {
    const { figma } = createFigmaFake()
    const column = figma.createFrame()
    const a = figma.createRectangle()
    const b = figma.createRectangle()
    column.appendChild(a)
    column.appendChild(b)
    column.layoutMode = 'VERTICAL'
    b.layoutPositioning = 'ABSOLUTE'
    b.x = 300
    expect(b.x).toBe(300)
    expect(() => { column.layoutWrap = 'WRAP' }).toThrow(/HORIZONTAL/)
    column.itemSpacing = 8
    const c = figma.createRectangle()
    column.appendChild(c)
    expect(c.y).toBe(108)
    column.layoutMode = 'NONE'
    c.x = 40
    expect([c.x, c.y]).toEqual([40, 108])
    expect(() => { a.layoutPositioning = 'ABSOLUTE' }).toThrow(/auto-layout/)
  })
})
