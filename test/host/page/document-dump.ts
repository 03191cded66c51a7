// The document as plain data for tests: every node of every page with its geometry, fills,
// plugin data and relaunch data. Read through the plugin API, so it shows what a plugin (and
// so Figma) would see.
import { absoluteBox, read, type Box } from '../node-snapshot'

export interface DumpedFill {
  type: string
  visible: boolean
  opacity: number
  imageHash?: string | null
  scaleMode?: string
  color?: { r: number; g: number; b: number }
}

export interface DumpedNode {
  id: string
  type: string
  name: string
  parentId: string | null
  pageId: string | null
  x: number
  y: number
  width: number
  height: number
  absolute: Box
  visible: boolean
  fills: DumpedFill[]
  characters?: string
  pluginData: Record<string, string>
  relaunchData: Record<string, string>
  /** node.annotations, on the node types that have them. */
  annotations?: Annotation[]
}

function fillsOf(node: object): DumpedFill[] {
  const fills = read(node, 'fills')
  if (!Array.isArray(fills)) return []
  return fills.map((paint: Record<string, unknown>) => {
    const fill: DumpedFill = { type: String(paint.type), visible: paint.visible !== false, opacity: typeof paint.opacity === 'number' ? paint.opacity : 1 }
    if ('imageHash' in paint) fill.imageHash = paint.imageHash as string | null
    if (typeof paint.scaleMode === 'string') fill.scaleMode = paint.scaleMode
    if (paint.color) fill.color = { ...(paint.color as { r: number; g: number; b: number }) }
    return fill
  })
}

function pluginDataOf(node: BaseNode): Record<string, string> {
  const entries: Record<string, string> = {}
  try {
    for (const key of node.getPluginDataKeys()) entries[key] = node.getPluginData(key)
  } catch {
    // node types without plugin data
  }
  return entries
}

function relaunchDataOf(node: BaseNode): Record<string, string> {
  try {
    return { ...node.getRelaunchData() }
  } catch {
    return {}
  }
}

function dumpNode(node: BaseNode, pageId: string | null): DumpedNode {
  const num = (key: string) => {
    const value = read(node, key)
    return typeof value === 'number' ? value : 0
  }
  const dumped: DumpedNode = {
    id: node.id,
    type: node.type,
    name: node.name,
    parentId: node.parent?.id ?? null,
    pageId,
    x: num('x'),
    y: num('y'),
    width: num('width'),
    height: num('height'),
    absolute: absoluteBox(node),
    visible: read(node, 'visible') !== false,
    fills: fillsOf(node),
    pluginData: pluginDataOf(node),
    relaunchData: relaunchDataOf(node),
  }
  const annotations = read(node, 'annotations')
  if (Array.isArray(annotations)) dumped.annotations = annotations.map((annotation: Annotation) => ({ ...annotation }))
  if (node.type === 'TEXT') dumped.characters = String(read(node, 'characters') ?? '')
  return dumped
}

export function dumpDocument(figma: PluginAPI): DumpedNode[] {
  const out: DumpedNode[] = []
  const walk = (node: BaseNode, pageId: string | null) => {
    out.push(dumpNode(node, pageId))
    const children = read(node, 'children')
    if (Array.isArray(children)) children.forEach((child: BaseNode) => walk(child, node.type === 'PAGE' ? node.id : pageId))
  }
  for (const page of figma.root.children) walk(page, null)
  return out
}
