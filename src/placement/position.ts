import type { Point } from './run-layout'

// Puts a node at a page-space position whatever its parent. Positions are relative to the
// containing parent, and whether a Section counts as one is not documented, so the
// result is checked against the node's page-space box and corrected.

function originOf(parent: BaseNode | null): Point {
  if (parent && parent.type !== 'PAGE' && parent.type !== 'DOCUMENT' && 'absoluteTransform' in parent) {
    const transform = parent.absoluteTransform
    return { x: transform[0][2], y: transform[1][2] }
  }
  return { x: 0, y: 0 }
}

export function moveTo(node: SceneNode & DimensionAndPositionMixin, x: number, y: number): void {
  const origin = originOf(node.parent)
  node.x = x - origin.x
  node.y = y - origin.y
  const box = node.absoluteBoundingBox
  if (box && (box.x !== x || box.y !== y)) {
    node.x += x - box.x
    node.y += y - box.y
  }
}

/** The page a node is on, or null for a node outside any page. */
export function pageOf(node: BaseNode): PageNode | null {
  let current: BaseNode | null = node
  while (current) {
    if (current.type === 'PAGE') return current
    current = current.parent
  }
  return null
}

/**
 * The scene nodes behind these ids that are still on a page, in the order asked, by
 * getNodeByIdAsync, as the synchronous lookup throws under dynamic-page.
 */
export async function findSceneNodes(figma: PluginAPI, nodeIds: Iterable<string>): Promise<SceneNode[]> {
  const found: SceneNode[] = []
  for (const id of nodeIds) {
    const node = await figma.getNodeByIdAsync(id)
    if (node && !node.removed && node.type !== 'PAGE' && node.type !== 'DOCUMENT' && pageOf(node)) found.push(node)
  }
  return found
}

/** The node's ancestor that sits directly on the page (the node itself when it does). */
export function topLevelOf(node: SceneNode): SceneNode {
  let current: SceneNode = node
  while (current.parent && current.parent.type !== 'PAGE' && current.parent.type !== 'DOCUMENT') {
    current = current.parent as SceneNode
  }
  return current
}
