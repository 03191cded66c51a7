// Making nodes: every node is wrapped in the guard proxy (guard.ts) right after
// construction, and only the proxy is ever stored or handed out, so identity holds across
// children, selection and lookups. New scene nodes go to the end of the current page, as
// figma.createX() does (plugin typings).
import { FRAME_MEMBERS, GROUP_MEMBERS, PAGE_MEMBERS, RECTANGLE_MEMBERS, SECTION_MEMBERS, TEXT_MEMBERS, DOCUMENT_MEMBERS } from './known-node-members'
import { guardNode } from './guard'
import { FrameImpl } from './node-frame'
import { GroupImpl } from './node-group'
import { RectangleImpl, SectionImpl } from './node-shapes'
import { TextImpl } from './node-text'
import { PageImpl } from './node-page'
import { DocumentImpl } from './node-document'
import { insertChildAt } from './children'
import type { BaseNodeImpl, Container } from './node-base'
import type { FakeContext } from './context'

const MEMBERS = {
  FRAME: new Set<string>(FRAME_MEMBERS),
  GROUP: new Set<string>(GROUP_MEMBERS),
  RECTANGLE: new Set<string>(RECTANGLE_MEMBERS),
  SECTION: new Set<string>(SECTION_MEMBERS),
  TEXT: new Set<string>(TEXT_MEMBERS),
  PAGE: new Set<string>(PAGE_MEMBERS),
  DOCUMENT: new Set<string>(DOCUMENT_MEMBERS),
}

const LABELS = { FRAME: 'FrameNode', GROUP: 'GroupNode', RECTANGLE: 'RectangleNode', SECTION: 'SectionNode', TEXT: 'TextNode', PAGE: 'PageNode', DOCUMENT: 'DocumentNode' }

export type SceneKind = 'FRAME' | 'RECTANGLE' | 'SECTION' | 'TEXT'

function register<T extends BaseNodeImpl>(ctx: FakeContext, node: T, kind: keyof typeof MEMBERS): T {
  const guarded = guardNode(node, MEMBERS[kind], LABELS[kind])
  ctx.registry.set(node._id, guarded)
  return guarded
}

export function createSceneNode(ctx: FakeContext, kind: 'FRAME', parent?: Container): FrameImpl
export function createSceneNode(ctx: FakeContext, kind: 'RECTANGLE', parent?: Container): RectangleImpl
export function createSceneNode(ctx: FakeContext, kind: 'SECTION', parent?: Container): SectionImpl
export function createSceneNode(ctx: FakeContext, kind: 'TEXT', parent?: Container): TextImpl
export function createSceneNode(ctx: FakeContext, kind: SceneKind, parent?: Container): BaseNodeImpl
export function createSceneNode(ctx: FakeContext, kind: SceneKind, parent: Container = ctx.currentPage): BaseNodeImpl {
  const id = ctx.ids.scene()
  const raw = kind === 'FRAME' ? new FrameImpl(ctx, id)
    : kind === 'RECTANGLE' ? new RectangleImpl(ctx, id)
      : kind === 'SECTION' ? new SectionImpl(ctx, id)
        : new TextImpl(ctx, id)
  const node = register(ctx, raw, kind)
  insertChildAt(parent, parent._children.length, node, `create${LABELS[kind].replace('Node', '')}`)
  return node
}

// figma.group: the group goes into `parent` at `index` (default: on top), then the nodes move
// into it in the order given, keeping their x/y relative to their containing parent.
export function createGroupNode(ctx: FakeContext, nodes: unknown, parent: unknown, index?: unknown): GroupImpl {
  if (!Array.isArray(nodes)) throw new TypeError('in group: Expected "nodes" to be an array of nodes')
  if (nodes.length === 0) throw new Error('in group: First argument must be an array of at least one node')
  const container = parent as Partial<Container> | null
  if (typeof container !== 'object' || container === null || container._ctx !== ctx || !Array.isArray(container._children)) {
    throw new TypeError('in group: Expected "parent" to be a node with children')
  }
  const group = register(ctx, new GroupImpl(ctx, ctx.ids.scene()), 'GROUP')
  insertChildAt(container as Container, index ?? container._children.length, group, 'group')
  try {
    for (const node of nodes) insertChildAt(group, group._children.length, node, 'group')
  } catch (error) {
    // A refused node leaves no empty group behind; nodes already moved stay grouped.
    if (group._children.length === 0) group.remove()
    throw error
  }
  return group
}

export function createPageNode(ctx: FakeContext, name: string): PageImpl {
  const page = register(ctx, new PageImpl(ctx, ctx.ids.page(), name), 'PAGE')
  insertChildAt(ctx.document, ctx.document._children.length, page, 'createPage')
  return page
}

export function createDocumentNode(ctx: FakeContext, name: string): DocumentImpl {
  return register(ctx, new DocumentImpl(ctx, name), 'DOCUMENT')
}

// Every scene node on every page, depth first, parents before children.
export function allSceneNodes(ctx: FakeContext): SceneNode[] {
  const out: SceneNode[] = []
  const visit = (node: BaseNodeImpl): void => {
    for (const child of (node as Partial<Container>)._children ?? []) {
      if (child._type !== 'PAGE') out.push(child as unknown as SceneNode)
      visit(child)
    }
  }
  visit(ctx.document)
  return out
}
