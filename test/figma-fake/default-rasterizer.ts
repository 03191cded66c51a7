// The fake's built-in rasterizer: plain JS, PNG only. It paints solid fills of the node and
// its descendants (see scene-layers.ts) over a transparent background, as Figma's PNG export
// is transparent where nothing is painted. Image fills cannot be decoded without a codec, so
// they are painted as a flat colour taken from the image hash (different images look
// different); node-rasterizer.ts paints the real image.
import { encodePng } from './png-encode'
import { sceneLayers, type PixelRect } from './scene-layers'
import type { Rasterizer } from './rasterizer'

// Guards the test process: 50 Mpx of RGBA is already 200 MB.
export const MAX_DEFAULT_RASTER_PIXELS = 50_000_000

export const defaultRasterizer: Rasterizer = async (node, request, context) => {
  if (request.format !== 'PNG') {
    throw new Error(`figma fake: the default rasterizer encodes PNG only, not ${request.format}; pass createSharpRasterizer() from test/figma-fake/node-rasterizer.ts`)
  }
  const { width, height } = request
  if (width * height > MAX_DEFAULT_RASTER_PIXELS) throw new RangeError(`figma fake: export of ${width}×${height} px exceeds the default rasterizer's limit`)
  const rgba = new Uint8Array(width * height * 4)
  for (const layer of sceneLayers(node, context.region, width, height)) {
    const color = layer.kind === 'solid' ? layer.color : placeholderColor(layer.imageHash)
    paintRect(rgba, width, height, layer.rect, color, layer.alpha)
  }
  return encodePng(width, height, rgba)
}

export function placeholderColor(hash: string | null): RGB {
  const hex = hash ?? '808080'
  return { r: parseInt(hex.slice(0, 2), 16) / 255, g: parseInt(hex.slice(2, 4), 16) / 255, b: parseInt(hex.slice(4, 6), 16) / 255 }
}

// Source-over compositing of a flat colour onto straight-alpha RGBA.
export function paintRect(rgba: Uint8Array, width: number, height: number, rect: PixelRect, color: RGB, alpha: number): void {
  const x0 = Math.max(0, rect.left)
  const y0 = Math.max(0, rect.top)
  const x1 = Math.min(width, rect.left + rect.width)
  const y1 = Math.min(height, rect.top + rect.height)
  const src = [color.r * 255, color.g * 255, color.b * 255]
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4
      const dstAlpha = rgba[i + 3]! / 255
      const outAlpha = alpha + dstAlpha * (1 - alpha)
      for (let c = 0; c < 3; c++) {
        rgba[i + c] = outAlpha === 0 ? 0 : Math.round((src[c]! * alpha + rgba[i + c]! * dstAlpha * (1 - alpha)) / outAlpha)
      }
      rgba[i + 3] = Math.round(outAlpha * 255)
    }
  }
}
