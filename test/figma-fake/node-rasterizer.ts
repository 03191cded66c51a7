// A Node-only rasterizer built on sharp: PNG and JPG output, and image fills painted from
// the fake's image store, so exports of generated images look right (a product test can
// check that an export of a placed result shows that result). Inject it with
// createFigmaFake({ rasterizer: createSharpRasterizer() }). Keep this file out of browser
// bundles: it imports sharp.
// Paint mapping: FILL → cover, FIT → contain (transparent margins); CROP and TILE are
// approximated as cover. JPG has no quality option in Figma; the fake
// encodes at a fixed quality over a white background.
import sharp, { type OverlayOptions } from 'sharp'
import { sceneLayers, type Layer, type PixelRect } from './scene-layers'
import { placeholderColor } from './default-rasterizer'
import type { Rasterizer } from './rasterizer'

export interface SharpRasterizerOptions {
  jpegQuality?: number
}

export function createSharpRasterizer(options: SharpRasterizerOptions = {}): Rasterizer {
  return async (node, request, context) => {
    const { width, height } = request
    const overlays: OverlayOptions[] = []
    for (const layer of sceneLayers(node, context.region, width, height)) {
      const rect = clip(layer.rect, width, height)
      if (!rect) continue
      const bytes = layer.kind === 'image' && layer.imageHash ? context.imageBytes(layer.imageHash) : null
      overlays.push(bytes && layer.kind === 'image' ? await imageOverlay(layer, rect, bytes) : solidOverlay(layer, rect))
    }
    const png = await sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite(overlays)
      .png()
      .toBuffer()
    if (request.format === 'PNG') return new Uint8Array(png)
    const jpeg = await sharp(png).flatten({ background: '#ffffff' }).jpeg({ quality: options.jpegQuality ?? 90 }).toBuffer()
    return new Uint8Array(jpeg)
  }
}

export const sharpRasterizer: Rasterizer = createSharpRasterizer()

function solidOverlay(layer: Layer, rect: PixelRect): OverlayOptions {
  const color = layer.kind === 'solid' ? layer.color : placeholderColor(layer.imageHash)
  const background = { r: Math.round(color.r * 255), g: Math.round(color.g * 255), b: Math.round(color.b * 255), alpha: layer.alpha }
  return { input: { create: { width: rect.width, height: rect.height, channels: 4, background } }, left: rect.left, top: rect.top }
}

// Scales the image to the node's whole rectangle, then cuts out the visible (clipped) part.
async function imageOverlay(layer: Extract<Layer, { kind: 'image' }>, rect: PixelRect, bytes: Uint8Array): Promise<OverlayOptions> {
  const fit = layer.scaleMode === 'FIT' ? 'contain' : 'cover'
  const { data } = await sharp(bytes)
    .resize(layer.full.width, layer.full.height, { fit, background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .ensureAlpha()
    .extract({ left: rect.left - layer.full.left, top: rect.top - layer.full.top, width: rect.width, height: rect.height })
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (layer.alpha < 1) for (let i = 3; i < data.length; i += 4) data[i] = Math.round(data[i]! * layer.alpha)
  return { input: data, raw: { width: rect.width, height: rect.height, channels: 4 }, left: rect.left, top: rect.top }
}

function clip(rect: PixelRect, width: number, height: number): PixelRect | null {
  const left = Math.max(0, rect.left)
  const top = Math.max(0, rect.top)
  const right = Math.min(width, rect.left + rect.width)
  const bottom = Math.min(height, rect.top + rect.height)
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : null
}
