import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'
import { createSharpRasterizer } from './node-rasterizer'
import { readImageInfo } from './image-info'
import { decode, solidPng } from './fixtures'

describe('createSharpRasterizer', () => {
  it('exports JPG that decodes at the requested size, transparent areas on white', async () => {
    const fake = createFigmaFake({ rasterizer: createSharpRasterizer() })
    const frame = fake.addFrame({ width: 1920, height: 1080, fill: { r: 1, g: 0, b: 0 } })
    const bytes = await frame.exportAsync({ format: 'JPG', constraint: { type: 'WIDTH', value: 512 } })
    expect(readImageInfo(bytes)).toEqual({ format: 'JPEG', width: 512, height: 288 })
    const decoded = await decode(bytes, { x: 256, y: 144 })
    expect(decoded.format).toBe('jpeg')
    expect(decoded.pixel[0]).toBeGreaterThan(240)
    expect(decoded.pixel[1]).toBeLessThan(15)
    frame.fills = []
    expect((await decode(await frame.exportAsync({ format: 'JPG' }), { x: 5, y: 5 })).pixel.slice(0, 3).every((c) => c > 245)).toBe(true)
  })

  it('paints image fills from the image store (FILL covers, FIT letterboxes)', async () => {
    const fake = createFigmaFake({ rasterizer: createSharpRasterizer() })
    const image = fake.figma.createImage(solidPng(40, 20, [0, 200, 0, 255]))
    const rect = fake.figma.createRectangle()
    rect.resize(100, 100)
    rect.fills = [{ type: 'IMAGE', scaleMode: 'FILL', imageHash: image.hash }]
    const filled = await rect.exportAsync()
    expect((await decode(filled, { x: 50, y: 2 })).pixel).toEqual([0, 200, 0, 255])
    rect.fills = [{ type: 'IMAGE', scaleMode: 'FIT', imageHash: image.hash }]
    const fitted = await rect.exportAsync()
    expect((await decode(fitted, { x: 50, y: 2 })).pixel).toEqual([0, 0, 0, 0])
    expect((await decode(fitted, { x: 50, y: 50 })).pixel).toEqual([0, 200, 0, 255])
  })

  it('paints nested solid fills like the default rasterizer', async () => {
    const fake = createFigmaFake({ rasterizer: createSharpRasterizer() })
    const frame = fake.addFrame({ width: 100, height: 100, fill: { r: 0, g: 0, b: 1 } })
    fake.addFrame({ parent: frame, x: 50, y: 50, width: 100, height: 100, fill: { r: 1, g: 1, b: 0 } })
    const bytes = await frame.exportAsync({ format: 'PNG', constraint: { type: 'SCALE', value: 2 } })
    expect(readImageInfo(bytes)).toMatchObject({ width: 200, height: 200 })
    expect((await decode(bytes, { x: 10, y: 10 })).pixel).toEqual([0, 0, 255, 255])
    expect((await decode(bytes, { x: 190, y: 190 })).pixel).toEqual([255, 255, 0, 255])
  })
})
