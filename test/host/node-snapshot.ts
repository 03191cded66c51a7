// A plain, read-once picture of a node and its descendants: what the host draws and the
// rasterizer paints. Reading through one place keeps the drawing code free of the fake's
// quirks: a node type may lack a property, and the fake throws "not implemented in the fake"
// for Figma members it does not model; neither may stop the host from drawing.

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface Rgb {
  r: number
  g: number
  b: number
}

export interface PaintSnapshot {
  type: string
  opacity: number
  color?: Rgb
  imageHash?: string
  scaleMode?: string
  gradientStops?: Array<{ position: number; color: Rgb & { a: number } }>
}

export interface TextSnapshot {
  characters: string
  size: number
  weight: number
  italic: boolean
  align: 'left' | 'center' | 'right'
}

export interface NodeSnapshot {
  id: string
  type: string
  name: string
  parentId: string | null
  /** Position relative to the parent's coordinate space, as node.x / node.y. */
  x: number
  y: number
  width: number
  height: number
  /** Page coordinates. */
  box: Box
  visible: boolean
  opacity: number
  fills: PaintSnapshot[]
  strokes: PaintSnapshot[]
  strokeWeight: number
  cornerRadius: number
  clipsContent: boolean
  text?: TextSnapshot
  children: NodeSnapshot[]
}

type AnyNode = Record<string, unknown> & { id: string; type: string }

export function read(node: object, key: string): unknown {
  try {
    return (node as Record<string, unknown>)[key]
  } catch {
    return undefined
  }
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** Groups and boolean operations do not form a coordinate space in Figma. */
function formsCoordinateSpace(node: object): boolean {
  const type = read(node, 'type')
  return type !== 'GROUP' && type !== 'BOOLEAN_OPERATION'
}

export function absoluteBox(node: object): Box {
  const width = num(read(node, 'width'), 0)
  const height = num(read(node, 'height'), 0)
  const transform = read(node, 'absoluteTransform') as number[][] | undefined
  if (Array.isArray(transform) && transform[0] && transform[1]) {
    return { x: num(transform[0][2], 0), y: num(transform[1][2], 0), width, height }
  }
  let x = num(read(node, 'x'), 0)
  let y = num(read(node, 'y'), 0)
  for (let p = read(node, 'parent') as object | null; p; p = read(p, 'parent') as object | null) {
    const type = read(p, 'type')
    if (type === 'PAGE' || type === 'DOCUMENT') break
    if (formsCoordinateSpace(p)) {
      x += num(read(p, 'x'), 0)
      y += num(read(p, 'y'), 0)
    }
  }
  return { x, y, width, height }
}

function paints(value: unknown): PaintSnapshot[] {
  if (!Array.isArray(value)) return []
  return value
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null && p.visible !== false)
    .map((p) => ({
      type: String(p.type),
      opacity: num(p.opacity, 1),
      color: p.color as Rgb | undefined,
      imageHash: typeof p.imageHash === 'string' ? p.imageHash : undefined,
      scaleMode: typeof p.scaleMode === 'string' ? p.scaleMode : undefined,
      gradientStops: Array.isArray(p.gradientStops) ? (p.gradientStops as PaintSnapshot['gradientStops']) : undefined,
    }))
}

function textOf(node: object): TextSnapshot {
  const fontName = read(node, 'fontName')
  const style = typeof fontName === 'object' && fontName !== null ? String((fontName as { style?: unknown }).style ?? '') : ''
  const weight = /black|heavy/i.test(style) ? 900 : /bold/i.test(style) ? 700 : /semi/i.test(style) ? 600 : /medium/i.test(style) ? 500 : 400
  const alignValue = read(node, 'textAlignHorizontal')
  return {
    characters: String(read(node, 'characters') ?? ''),
    size: num(read(node, 'fontSize'), 12),
    weight,
    italic: /italic/i.test(style),
    align: alignValue === 'CENTER' ? 'center' : alignValue === 'RIGHT' ? 'right' : 'left',
  }
}

export function snapshotNode(node: object): NodeSnapshot {
  const n = node as AnyNode
  const parent = read(n, 'parent') as { id?: string } | null | undefined
  const children = read(n, 'children')
  const snapshot: NodeSnapshot = {
    id: n.id,
    type: n.type,
    name: String(read(n, 'name') ?? ''),
    parentId: parent?.id ?? null,
    x: num(read(n, 'x'), 0),
    y: num(read(n, 'y'), 0),
    width: num(read(n, 'width'), 0),
    height: num(read(n, 'height'), 0),
    box: absoluteBox(n),
    visible: read(n, 'visible') !== false,
    opacity: num(read(n, 'opacity'), 1),
    fills: paints(read(n, 'fills')),
    strokes: paints(read(n, 'strokes')),
    strokeWeight: num(read(n, 'strokeWeight'), 0),
    cornerRadius: num(read(n, 'cornerRadius'), 0),
    clipsContent: read(n, 'clipsContent') !== false && n.type !== 'GROUP' && n.type !== 'SECTION',
    children: Array.isArray(children) ? children.map((c: object) => snapshotNode(c)) : [],
  }
  if (n.type === 'TEXT') snapshot.text = textOf(n)
  return snapshot
}

export function cssColor(color: Rgb, alpha = 1): string {
  const c = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 255)
  return `rgba(${c(color.r)}, ${c(color.g)}, ${c(color.b)}, ${alpha})`
}

export const FONT_STACK = 'Inter, "DejaVu Sans", Arial, sans-serif'
