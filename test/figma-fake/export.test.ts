import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'
import { readImageInfo } from './image-info'
import { decode } from './fixtures'
import { exportPixelSize } from './export'

describe('exportAsync', () => {
  it('defaults to PNG at 1×', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.resize(320, 200)
    expect(readImageInfo(await frame.exportAsync())).toEqual({ format: 'PNG', width: 320, height: 200 })
  })

  it('WIDTH 512 of a 1920×1080 frame yields a 512×288 PNG', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.resize(1920, 1080)
    const bytes = await frame.exportAsync({ format: 'PNG', constraint: { type: 'WIDTH', value: 512 } })
    expect(readImageInfo(bytes)).toEqual({ format: 'PNG', width: 512, height: 288 })
    expect(await decode(bytes)).toMatchObject({ width: 512, height: 288 })
  })

  it('SCALE and HEIGHT compute the other side proportionally, rounded to whole pixels, at least 1', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.resize(100.4, 50)
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } }))).toMatchObject({ width: 201, height: 100 })
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG', constraint: { type: 'HEIGHT', value: 25 } }))).toMatchObject({ width: 50, height: 25 })
    expect(exportPixelSize({ width: 1000, height: 1 }, { type: 'WIDTH', value: 100 })).toEqual({ width: 100, height: 1 })
    expect(exportPixelSize({ width: 3, height: 3 }, { type: 'SCALE', value: 0.01 })).toEqual({ width: 1, height: 1 })
  })

  it('rejects bad settings: unknown keys, bad constraints, unknown formats', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    const loose = frame.exportAsync as (settings: unknown) => Promise<Uint8Array>
    await expect(loose.call(frame, { format: 'PNG', scale: 2 })).rejects.toThrow(/Unrecognized key\(s\).*'scale'/)
    await expect(loose.call(frame, { format: 'PNG', constraint: { type: 'SCALE', value: 0 } })).rejects.toThrow(/positive number/)
    await expect(loose.call(frame, { format: 'PNG', constraint: { type: 'AREA', value: 1 } })).rejects.toThrow(/SCALE, WIDTH or HEIGHT/)
    await expect(loose.call(frame, { format: 'WEBP' })).rejects.toThrow(/Unknown format/)
    await expect(loose.call(frame, { format: 'SVG_STRING' })).rejects.toThrow('not implemented in the fake')
  })

  it('the default rasterizer refuses JPG with a clear error', async () => {
    const { figma } = createFigmaFake()
    await expect(figma.createFrame().exportAsync({ format: 'JPG' })).rejects.toThrow(/PNG only.*createSharpRasterizer/)
  })

  it('paints the frame fill and its children at the export scale', async () => {
    const fake = createFigmaFake()
    const frame = fake.addFrame({ width: 200, height: 100, fill: { r: 0, g: 0, b: 1 } })
    const child = fake.addFrame({ parent: frame, x: 100, y: 0, width: 100, height: 100, fill: { r: 1, g: 0, b: 0 } })
    const rect = fake.figma.createRectangle()
    frame.appendChild(rect)
    rect.resize(50, 50)
    rect.fills = [{ type: 'SOLID', color: { r: 0, g: 1, b: 0 }, opacity: 0.5 }]
    const bytes = await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 0.5 } })
    expect((await decode(bytes, { x: 40, y: 10 })).pixel).toEqual([0, 0, 255, 255])
    expect((await decode(bytes, { x: 60, y: 40 })).pixel).toEqual([255, 0, 0, 255])
    expect((await decode(bytes, { x: 5, y: 5 })).pixel).toEqual([0, 128, 128, 255])
    child.visible = false
    expect((await decode(await frame.exportAsync(), { x: 150, y: 50 })).pixel).toEqual([0, 0, 255, 255])
  })

  it('exports the render bounds (unclipped overflow) unless useAbsoluteBounds is set', async () => {
    const fake = createFigmaFake()
    const frame = fake.addFrame({ width: 100, height: 100 })
    frame.clipsContent = false
    const rect = fake.figma.createRectangle()
    frame.appendChild(rect)
    rect.x = 50
    expect(readImageInfo(await frame.exportAsync())).toMatchObject({ width: 150, height: 100 })
    expect(readImageInfo(await frame.exportAsync({ format: 'PNG', useAbsoluteBounds: true }))).toMatchObject({ width: 100, height: 100 })
    const empty = await rect.exportAsync()
    expect((await decode(empty)).pixel).toEqual([217, 217, 217, 255])
  })

  it('leaves unpainted areas transparent', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.fills = []
    expect((await decode(await frame.exportAsync())).pixel).toEqual([0, 0, 0, 0])
  })

  it('a page needs loadAsync() first under dynamic-page, then exports its content bounds', async () => {
    const fake = createFigmaFake()
    fake.addFrame({ x: 10, y: 10, width: 30, height: 20 })
    fake.addFrame({ x: 100, y: 10, width: 30, height: 40 })
    const page = fake.figma.currentPage
    await expect(page.exportAsync()).rejects.toThrow(/loadAsync/)
    await page.loadAsync()
    expect(readImageInfo(await page.exportAsync())).toMatchObject({ width: 120, height: 40 })
  })

  it('exporting a removed node throws', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    frame.remove()
    expect(() => frame.exportAsync()).toThrow(/does not exist/)
  })

  it('passes the region and pixel size to an injected rasterizer and returns its bytes', async () => {
    const calls: unknown[] = []
    const fake = createFigmaFake({
      rasterizer: async (node, request, context) => {
        calls.push({ name: node.name, request, region: context.region })
        return new Uint8Array([1, 2, 3])
      },
    })
    const frame = fake.addFrame({ name: 'Ref', x: 5, y: 6, width: 40, height: 30 })
    expect(await frame.exportAsync({ format: 'JPG', constraint: { type: 'SCALE', value: 2 } })).toEqual(new Uint8Array([1, 2, 3]))
    expect(calls).toEqual([{ name: 'Ref', request: { format: 'JPG', width: 80, height: 60 }, region: { x: 5, y: 6, width: 40, height: 30 } }])
  })
})
