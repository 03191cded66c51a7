import type { ReferenceMeta, SelectionState } from '../common/protocol'

type ReferenceKind = ReferenceMeta['kind']

// Which selected layers can serve as references. Works on plain node-shaped data so the rule
// is tested without Figma; the selection watcher passes real nodes, which fit the shape.

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface CandidateNode {
  readonly visible?: boolean
  readonly width?: number
  readonly height?: number
  readonly absoluteBoundingBox?: Box | null
  readonly parent?: unknown
  readonly exportAsync?: unknown
}

/** The node's page-space box, falling back to its own size for nodes without one. */
export function boundsOf(node: CandidateNode): Box | undefined {
  if (node.absoluteBoundingBox) return node.absoluteBoundingBox
  if (typeof node.width === 'number' && typeof node.height === 'number') {
    return { x: 0, y: 0, width: node.width, height: node.height }
  }
  return undefined
}

function hiddenByItselfOrAncestor(node: CandidateNode): boolean {
  // A layer inside a hidden frame exports blank, just like a hidden layer.
  let current: unknown = node
  while (current && typeof current === 'object') {
    const candidate = current as CandidateNode & { type?: string }
    if (candidate.type === 'PAGE' || candidate.type === 'DOCUMENT') return false
    if (candidate.visible === false) return true
    current = candidate.parent
  }
  return false
}

export function isUsableReference(node: CandidateNode): boolean {
  // exportAsync exists on most scene nodes but not on all of them.
  if (typeof node.exportAsync !== 'function') return false
  if (hiddenByItselfOrAncestor(node)) return false
  const box = boundsOf(node)
  return !!box && box.width > 0 && box.height > 0
}

/** Canvas reading order: top to bottom, then left to right. */
export function compareCanvasOrder(a: CandidateNode, b: CandidateNode): number {
  const boxA = boundsOf(a)
  const boxB = boundsOf(b)
  if (!boxA || !boxB) return 0
  return boxA.y - boxB.y || boxA.x - boxB.x
}

/** The usable nodes of a selection in canvas order (Figma gives the selection in no specified order). */
export function usableNodes<T extends CandidateNode>(selection: readonly T[]): T[] {
  return selection.filter(isUsableReference).sort(compareCanvasOrder)
}

export function selectionStateOf(selectedCount: number, usableCount: number): SelectionState {
  if (selectedCount === 0) return 'empty'
  return usableCount === 0 ? 'unsupported' : 'ok'
}

/** What a layer is for the panel's wording: an image-filled layer (every generated result is one) is an image. */
export function kindOf(node: { readonly type?: string; readonly fills?: unknown }): ReferenceKind {
  const fills = Array.isArray(node.fills) ? (node.fills as ReadonlyArray<{ type?: string }>) : []
  if (fills.some((fill) => fill.type === 'IMAGE')) return 'image'
  return /^(FRAME|COMPONENT|COMPONENT_SET|INSTANCE|SECTION)$/.test(node.type ?? '') ? 'frame' : 'layer'
}
