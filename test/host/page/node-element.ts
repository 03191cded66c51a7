// Builds the DOM for one node and its descendants, in page units (the world layer scales
// them). Children are nested so frames clip their content as in Figma.
import { cssColor, FONT_STACK, type Box, type NodeSnapshot, type PaintSnapshot } from '../node-snapshot'
import type { ImageUrls } from './image-urls'

const px = (value: number) => `${value}px`

function backgroundLayers(fills: PaintSnapshot[], images: ImageUrls): { image: string[]; size: string[]; repeat: string[] } {
  const layers = { image: [] as string[], size: [] as string[], repeat: [] as string[] }
  // Figma lists fills bottom to top; CSS lists backgrounds top to bottom.
  for (const paint of [...fills].reverse()) {
    if (paint.type === 'SOLID' && paint.color) {
      const colour = cssColor(paint.color, paint.opacity)
      layers.image.push(`linear-gradient(${colour}, ${colour})`)
      layers.size.push('auto')
      layers.repeat.push('no-repeat')
    } else if (paint.type === 'IMAGE' && paint.imageHash) {
      const url = images.get(paint.imageHash)
      if (!url) continue
      layers.image.push(`url("${url}")`)
      const mode = paint.scaleMode ?? 'FILL'
      layers.size.push(mode === 'FILL' ? 'cover' : mode === 'FIT' ? 'contain' : mode === 'TILE' ? 'auto' : '100% 100%')
      layers.repeat.push(mode === 'TILE' ? 'repeat' : 'no-repeat')
    } else if (paint.type.startsWith('GRADIENT') && paint.gradientStops?.length) {
      const stops = paint.gradientStops.map((s) => `${cssColor(s.color, s.color.a)} ${s.position * 100}%`).join(', ')
      layers.image.push(`linear-gradient(135deg, ${stops})`)
      layers.size.push('auto')
      layers.repeat.push('no-repeat')
    }
  }
  return layers
}

export function nodeElement(node: NodeSnapshot, parentBox: Box | null, images: ImageUrls): HTMLElement {
  const el = document.createElement('div')
  el.className = `node node-${node.type.toLowerCase()}`
  el.dataset.nodeId = node.id
  const s = el.style
  s.left = px(node.box.x - (parentBox?.x ?? 0))
  s.top = px(node.box.y - (parentBox?.y ?? 0))
  s.width = px(node.box.width)
  s.height = px(node.box.height)
  if (!node.visible) s.display = 'none'
  if (node.opacity < 1) s.opacity = String(node.opacity)

  if (node.text) {
    const fill = node.fills.find((p) => p.type === 'SOLID')
    s.color = fill?.color ? cssColor(fill.color, fill.opacity) : '#000'
    s.font = `${node.text.italic ? 'italic ' : ''}${node.text.weight} ${node.text.size}px/1.2 ${FONT_STACK}`
    s.textAlign = node.text.align
    el.textContent = node.text.characters
    return el
  }

  const layers = backgroundLayers(node.fills, images)
  if (layers.image.length) {
    s.backgroundImage = layers.image.join(', ')
    s.backgroundSize = layers.size.join(', ')
    s.backgroundRepeat = layers.repeat.join(', ')
    s.backgroundPosition = 'center'
  }
  const imageFill = node.fills.find((p) => p.type === 'IMAGE' && p.imageHash)
  if (imageFill) {
    el.dataset.imageHash = imageFill.imageHash
    el.setAttribute('role', 'img')
    el.setAttribute('aria-label', node.name)
  }
  if (node.type === 'ELLIPSE') s.borderRadius = '50%'
  else if (node.cornerRadius > 0) s.borderRadius = px(node.cornerRadius)
  const stroke = node.strokes.find((p) => p.type === 'SOLID')
  if (stroke?.color && node.strokeWeight > 0) s.boxShadow = `inset 0 0 0 ${px(node.strokeWeight)} ${cssColor(stroke.color, stroke.opacity)}`
  if (node.clipsContent && node.children.length) s.overflow = 'hidden'
  for (const child of node.children) el.appendChild(nodeElement(child, node.box, images))
  return el
}
