// exportAsync. No settings means PNG at 1×; `constraint` is SCALE
// (proportional), WIDTH or HEIGHT (fixed pixels, the other side proportional); the result is
// the encoded file. The exported area is the node's render bounds, or its bounding box with
// useAbsoluteBounds. Under dynamic-page a PageNode needs loadAsync() first. Pixel sizes are
// rounded to whole pixels, at least 1 (Figma's exact rounding is undocumented; Math.round).
// SVG, PDF, JSON_REST_V1 and video formats are not implemented.
import { notImplemented, rejectUnknownKeys } from './errors'
import { boundingBoxOf, contentBoundsOf, renderBoundsOf, type Placed } from './bounds'
import type { Box } from './geometry'
import type { FakeContext } from './context'

const IMAGE_KEYS = ['format', 'contentsOnly', 'useAbsoluteBounds', 'suffix', 'constraint', 'colorProfile']
const OTHER_FORMATS = ['SVG', 'SVG_STRING', 'PDF', 'JSON_REST_V1', 'MP4', 'GIF', 'WEBM']

interface Exportable extends Placed {
  readonly _ctx: FakeContext
  readonly _name: string
  _loadedForExport?(): boolean
}

export async function exportNode(node: Exportable, settings: unknown): Promise<Uint8Array> {
  const s = (settings ?? { format: 'PNG' }) as Record<string, unknown>
  if (typeof s !== 'object') throw new TypeError('in exportAsync: Expected settings to be an object')
  if (OTHER_FORMATS.includes(s.format as string)) notImplemented(`exportAsync({ format: '${String(s.format)}' })`)
  if (s.format !== 'PNG' && s.format !== 'JPG') throw new Error(`in exportAsync: Unknown format ${JSON.stringify(s.format)}`)
  rejectUnknownKeys('exportAsync', s, IMAGE_KEYS)
  if (node._loadedForExport && !node._loadedForExport()) {
    throw new Error(`in exportAsync: The page "${node._name}" is not loaded. Call await page.loadAsync() first (documentAccess: dynamic-page)`)
  }
  const region = exportRegion(node, s.useAbsoluteBounds === true)
  const size = exportPixelSize(region, s.constraint)
  const bytes = await node._ctx.rasterizer(node as unknown as SceneNode, { format: s.format, ...size }, {
    region,
    imageBytes: (hash) => node._ctx.images.get(hash)?.bytes ?? null,
  })
  if (!(bytes instanceof Uint8Array)) throw new TypeError('figma fake: the rasterizer must resolve to a Uint8Array')
  return bytes
}

export function exportRegion(node: Placed, useAbsoluteBounds: boolean): Box {
  const region = node._size
    ? (useAbsoluteBounds ? null : renderBoundsOf(node)) ?? boundingBoxOf(node)
    : contentBoundsOf(node)
  if (!region || region.width <= 0 || region.height <= 0) throw new Error('in exportAsync: Nothing to export: the node has no visible area')
  return region
}

export function exportPixelSize(region: { width: number; height: number }, constraint: unknown): { width: number; height: number } {
  const c = (constraint ?? { type: 'SCALE', value: 1 }) as { type?: unknown; value?: unknown }
  if (typeof c !== 'object' || c === null) throw new TypeError('in exportAsync: Expected "constraint" to be an object')
  rejectUnknownKeys('exportAsync (constraint)', c, ['type', 'value'])
  const value = c.value
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new RangeError(`in exportAsync: Expected "constraint.value" to be a positive number, got ${String(value)}`)
  }
  const pixels = (n: number): number => Math.max(1, Math.round(n))
  switch (c.type) {
    case 'SCALE':
      return { width: pixels(region.width * value), height: pixels(region.height * value) }
    case 'WIDTH':
      return { width: pixels(value), height: pixels((region.height * value) / region.width) }
    case 'HEIGHT':
      return { width: pixels((region.width * value) / region.height), height: pixels(value) }
    default:
      throw new TypeError(`in exportAsync: Expected "constraint.type" to be SCALE, WIDTH or HEIGHT, got ${String(c.type)}`)
  }
}
