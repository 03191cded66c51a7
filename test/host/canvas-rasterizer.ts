// Real pixels for the fake's exportAsync in the browser: paints a node and its descendants
// on an OffscreenCanvas (fills, image fills as the stored images, strokes, text, clipping)
// and encodes PNG or JPG. The exports go to Runware as references, so what the emulator
// sends back visibly comes from what is on the host's canvas.
import type { Rasterizer, RasterContext } from '../figma-fake/rasterizer'
import { cssColor, FONT_STACK, snapshotNode, type Box, type NodeSnapshot, type PaintSnapshot } from './node-snapshot'

type Ctx = OffscreenCanvasRenderingContext2D

function shapePath(ctx: Ctx, node: NodeSnapshot, box: Box): void {
  ctx.beginPath()
  if (node.type === 'ELLIPSE') {
    ctx.ellipse(box.x + box.width / 2, box.y + box.height / 2, box.width / 2, box.height / 2, 0, 0, Math.PI * 2)
    return
  }
  const radius = Math.min(node.cornerRadius, box.width / 2, box.height / 2)
  if (radius > 0) ctx.roundRect(box.x, box.y, box.width, box.height, radius)
  else ctx.rect(box.x, box.y, box.width, box.height)
}

function drawImageFill(ctx: Ctx, bitmap: ImageBitmap, paint: PaintSnapshot, box: Box): void {
  const mode = paint.scaleMode ?? 'FILL'
  if (mode === 'FILL' || mode === 'FIT') {
    const scale = (mode === 'FILL' ? Math.max : Math.min)(box.width / bitmap.width, box.height / bitmap.height)
    const w = bitmap.width * scale
    const h = bitmap.height * scale
    ctx.drawImage(bitmap, box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h)
  } else {
    ctx.drawImage(bitmap, box.x, box.y, box.width, box.height)
  }
}

function drawText(ctx: Ctx, node: NodeSnapshot): void {
  const text = node.text!
  const fill = node.fills.find((p) => p.type === 'SOLID')
  ctx.fillStyle = fill?.color ? cssColor(fill.color, fill.opacity) : '#000'
  ctx.font = `${text.italic ? 'italic ' : ''}${text.weight} ${text.size}px ${FONT_STACK}`
  ctx.textBaseline = 'top'
  ctx.textAlign = text.align
  const { box } = node
  const x = text.align === 'center' ? box.x + box.width / 2 : text.align === 'right' ? box.x + box.width : box.x
  // No wrapping: the fake does not lay text out either, and its auto-width boxes are estimates.
  const lines = text.characters.split('\n')
  lines.forEach((line, i) => ctx.fillText(line, x, box.y + i * text.size * 1.2))
}

export function createCanvasRasterizer(): Rasterizer {
  // Keyed by content hash, so a decoded image is never stale.
  const bitmaps = new Map<string, Promise<ImageBitmap | null>>()
  let imageBytes: RasterContext['imageBytes'] = () => null

  const bitmapFor = (hash: string): Promise<ImageBitmap | null> => {
    let found = bitmaps.get(hash)
    if (!found) {
      const bytes = imageBytes(hash)
      found = bytes ? createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>])).catch(() => null) : Promise.resolve(null)
      bitmaps.set(hash, found)
    }
    return found
  }

  const drawPaint = async (ctx: Ctx, node: NodeSnapshot, paint: PaintSnapshot): Promise<void> => {
    const { box } = node
    ctx.save()
    shapePath(ctx, node, box)
    ctx.clip()
    ctx.globalAlpha *= paint.opacity
    if (paint.type === 'SOLID' && paint.color) {
      ctx.fillStyle = cssColor(paint.color)
      ctx.fillRect(box.x, box.y, box.width, box.height)
    } else if (paint.type === 'IMAGE' && paint.imageHash) {
      const bitmap = await bitmapFor(paint.imageHash)
      if (bitmap) drawImageFill(ctx, bitmap, paint, box)
    } else if (paint.type.startsWith('GRADIENT') && paint.gradientStops?.length) {
      const gradient = ctx.createLinearGradient(box.x, box.y, box.x + box.width, box.y + box.height)
      for (const stop of paint.gradientStops) gradient.addColorStop(stop.position, cssColor(stop.color, stop.color.a))
      ctx.fillStyle = gradient
      ctx.fillRect(box.x, box.y, box.width, box.height)
    }
    ctx.restore()
  }

  const drawNode = async (ctx: Ctx, node: NodeSnapshot): Promise<void> => {
    if (!node.visible) return
    ctx.save()
    ctx.globalAlpha *= node.opacity
    if (node.text) {
      drawText(ctx, node)
      ctx.restore()
      return
    }
    for (const paint of node.fills) await drawPaint(ctx, node, paint)
    const stroke = node.strokes.find((p) => p.type === 'SOLID')
    if (stroke?.color && node.strokeWeight > 0) {
      shapePath(ctx, node, node.box)
      ctx.strokeStyle = cssColor(stroke.color, stroke.opacity)
      ctx.lineWidth = node.strokeWeight
      ctx.stroke()
    }
    if (node.children.length) {
      if (node.clipsContent) {
        shapePath(ctx, node, node.box)
        ctx.clip()
      }
      for (const child of node.children) await drawNode(ctx, child)
    }
    ctx.restore()
  }

  return async (node, request, context) => {
    imageBytes = context.imageBytes
    const snapshot = snapshotNode(node)
    const width = Math.max(1, Math.round(request.width))
    const height = Math.max(1, Math.round(request.height))
    const canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas in this browser')
    const jpeg = request.format === 'JPG'
    if (jpeg) {
      // JPEG has no alpha; Figma's JPG export shows transparent areas as white.
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, width, height)
    }
    // The region is what Figma exports: the node's render bounds (or its bounding box).
    const box = context.region
    ctx.scale(width / Math.max(box.width, 0.01), height / Math.max(box.height, 0.01))
    ctx.translate(-box.x, -box.y)
    await drawNode(ctx, snapshot)
    const blob = await canvas.convertToBlob({ type: jpeg ? 'image/jpeg' : 'image/png', quality: 0.92 })
    return new Uint8Array(await blob.arrayBuffer())
  }
}
