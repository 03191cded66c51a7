import { describe, expect, it } from 'vitest'
import { adler32, crc32, encodePng } from './png-encode'
import { decode } from './fixtures'

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('encodePng', () => {
  it('produces a PNG that sharp decodes to the right size and colours', async () => {
    const width = 3
    const height = 2
    const rgba = new Uint8Array(width * height * 4)
    rgba.set([255, 0, 0, 255], 0) // (0,0) red
    rgba.set([0, 0, 255, 128], (1 * width + 2) * 4) // (2,1) half-transparent blue
    const png = encodePng(width, height, rgba)
    const topLeft = await decode(png, { x: 0, y: 0 })
    expect(topLeft).toMatchObject({ width: 3, height: 2, format: 'png', pixel: [255, 0, 0, 255] })
    expect((await decode(png, { x: 2, y: 1 })).pixel).toEqual([0, 0, 255, 128])
    expect((await decode(png, { x: 1, y: 0 })).pixel).toEqual([0, 0, 0, 0])
  })

  it('splits large images across stored deflate blocks and stays decodable', async () => {
    // 300×300 RGBA is 360,300 bytes of scanlines: six 64 KiB stored blocks.
    const rgba = new Uint8Array(300 * 300 * 4).fill(200)
    const png = encodePng(300, 300, rgba)
    expect(await decode(png, { x: 299, y: 299 })).toMatchObject({ width: 300, height: 300, pixel: [200, 200, 200, 200] })
  })

  it('rejects sizes that do not match the pixel data', () => {
    expect(() => encodePng(0, 1, new Uint8Array(0))).toThrow(RangeError)
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow(/expected 16 RGBA bytes/)
  })

  it('computes CRC-32 and Adler-32 check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926)
    expect(adler32(ascii('Wikipedia'))).toBe(0x11e60398)
  })
})
