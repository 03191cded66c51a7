// Test fixtures: real encoded images made with the fake's own PNG encoder (any size, one
// colour) or with sharp (other formats). Used by the fake's tests only.
import sharp from 'sharp'
import { encodePng } from './png-encode'

export function solidPng(width: number, height: number, rgba: [number, number, number, number] = [255, 0, 0, 255]): Uint8Array {
  const pixels = new Uint8Array(width * height * 4)
  for (let i = 0; i < pixels.length; i += 4) pixels.set(rgba, i)
  return encodePng(width, height, pixels)
}

export async function encoded(format: 'jpeg' | 'gif' | 'webp' | 'png', width: number, height: number, options: { lossless?: boolean; alpha?: boolean } = {}): Promise<Uint8Array> {
  const image = sharp({ create: { width, height, channels: options.alpha ? 4 : 3, background: { r: 0, g: 128, b: 255, alpha: 0.5 } } })
  const out = format === 'webp' ? image.webp({ lossless: options.lossless ?? false }) : image.toFormat(format)
  return new Uint8Array(await out.toBuffer())
}

// Decodes with sharp: size, channel count and the RGBA of one pixel.
export async function decode(bytes: Uint8Array, at: { x: number; y: number } = { x: 0, y: 0 }): Promise<{ width: number; height: number; format: string; pixel: number[] }> {
  const { data, info } = await sharp(bytes).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const i = (at.y * info.width + at.x) * 4
  const meta = await sharp(bytes).metadata()
  return { width: info.width, height: info.height, format: meta.format, pixel: [...data.subarray(i, i + 4)] }
}
