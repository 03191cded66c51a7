// Turns a node tree into paint layers in output pixels, for rasterizers. It reads nodes only
// through the public API (type, visible, opacity, fills, children, absoluteBoundingBox,
// clipsContent), so it works on any SceneNode-shaped object. Children paint over parents
// in `children` order (back to front); within a node, later fills paint over earlier ones.
// Frames with clipsContent clip their children; sections do not. Text is not drawn (no
// glyph rendering), and rotated nodes paint their axis-aligned bounding box.
import { intersect, type Box } from './geometry'

export interface PixelRect {
  left: number
  top: number
  width: number
  height: number
}

export type Layer =
  | { kind: 'solid'; rect: PixelRect; color: RGB; alpha: number }
  | { kind: 'image'; rect: PixelRect; full: PixelRect; imageHash: string | null; scaleMode: ImagePaint['scaleMode']; alpha: number }

type Loose = Record<string, unknown>

export function sceneLayers(root: SceneNode | PageNode, region: Box, width: number, height: number): Layer[] {
  const sx = width / region.width
  const sy = height / region.height
  const toPixels = (box: Box): PixelRect => {
    const left = Math.round((box.x - region.x) * sx)
    const top = Math.round((box.y - region.y) * sy)
    const right = Math.round((box.x + box.width - region.x) * sx)
    const bottom = Math.round((box.y + box.height - region.y) * sy)
    return { left, top, width: right - left, height: bottom - top }
  }
  const layers: Layer[] = []

  const visit = (node: Loose, clip: Box, inheritedOpacity: number, isRoot: boolean): void => {
    if (!isRoot && node.visible === false) return
    const opacity = inheritedOpacity * (typeof node.opacity === 'number' ? node.opacity : 1)
    const box = node.type === 'PAGE' ? null : (node.absoluteBoundingBox as Box | null)
    if (box && node.type !== 'TEXT' && Array.isArray(node.fills)) {
      const visible = box && intersect(box, clip)
      const rect = visible ? toPixels(visible) : null
      for (const paint of node.fills as Paint[]) {
        if (!rect || rect.width <= 0 || rect.height <= 0 || paint.visible === false) continue
        const alpha = opacity * (paint.opacity ?? 1)
        if (paint.type === 'SOLID') layers.push({ kind: 'solid', rect, color: paint.color, alpha })
        if (paint.type === 'IMAGE') layers.push({ kind: 'image', rect, full: toPixels(box), imageHash: paint.imageHash, scaleMode: paint.scaleMode, alpha })
      }
    }
    if (!Array.isArray(node.children)) return
    const childClip = node.type === 'FRAME' && node.clipsContent === true && box ? intersect(clip, box) : clip
    if (!childClip) return
    for (const child of node.children as Loose[]) visit(child, childClip, opacity, false)
  }

  visit(root as unknown as Loose, region, 1, true)
  return layers
}
