// Page-absolute geometry of nodes, computed through their parents.
// absoluteBoundingBox excludes strokes and effects; absoluteRenderBounds includes what
// renders outside the box and is null for an invisible node. Frames that clip contain their
// children's rendering; sections and non-clipping frames grow with children that stick out.
import { boundsOf, IDENTITY, multiply, outset, union, type Box, type Matrix } from './geometry'

export interface Placed {
  readonly _type: NodeType
  readonly _parent: Placed | null
  readonly _children?: Placed[]
  readonly _visible?: boolean
  _relativeTransform?(): Matrix
  _size?(): { width: number; height: number }
  _strokeOutset?(): number
  _clips?(): boolean
}

export function absoluteTransformOf(node: Placed): Matrix {
  if (!node._relativeTransform) return IDENTITY
  return multiply(childSpaceOf(node._parent), node._relativeTransform())
}

// The space a node's x/y are measured in: its containing parent's. A group is not a
// containing parent; its children are placed in the group's own parent space.
export function childSpaceOf(parent: Placed | null): Matrix {
  if (!parent) return IDENTITY
  return parent._type === 'GROUP' ? childSpaceOf(parent._parent) : absoluteTransformOf(parent)
}

export function boundingBoxOf(node: Placed): Box | null {
  if (!node._size) return null
  const { width, height } = node._size()
  return boundsOf(absoluteTransformOf(node), width, height)
}

export function isRendered(node: Placed): boolean {
  for (let current: Placed | null = node; current; current = current._parent) {
    if (current._visible === false) return false
  }
  return true
}

export function renderBoundsOf(node: Placed): Box | null {
  if (!isRendered(node)) return null
  return ownRenderBounds(node)
}

// Union of what a page (or any container) renders; null when nothing renders.
export function contentBoundsOf(node: Placed): Box | null {
  const boxes = (node._children ?? []).filter((child) => child._visible !== false).map(ownRenderBounds)
  return union(boxes.filter((box): box is Box => box !== null))
}

function ownRenderBounds(node: Placed): Box | null {
  const box = boundingBoxOf(node)
  if (!box) return contentBoundsOf(node)
  const own = outset(box, node._strokeOutset?.() ?? 0)
  if (node._clips?.() ?? true) return own
  const children = contentBoundsOf(node)
  return children ? union([own, children]) : own
}
