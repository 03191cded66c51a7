// RectangleNode and SectionNode.
// Plugin typings: createRectangle() is 100×100 with a default fill (#D9D9D9) and parented to
// the current page. createSection() gives a node with children,
// fills, strokes, corner radius, sectionContentsHidden and resize; it supports exportAsync.
// Sections do not clip their content, and sit on pages or in other sections only.
import { SceneNodeImpl, requireBoolean, requireFinite } from './node-scene'
import { findAllIn, findAllWithCriteriaIn, findChildrenIn, insertChildAt, readChildren } from './children'
import { DEFAULT_SHAPE_GREY, WHITE } from './paints'
import type { BaseNodeImpl, Container } from './node-base'
import type { FakeContext } from './context'

export class RectangleImpl extends SceneNodeImpl {
  _cornerRadius = 0

  constructor(ctx: FakeContext, id: string) {
    super(ctx, id, 'RECTANGLE', 'Rectangle', DEFAULT_SHAPE_GREY())
  }

  get cornerRadius(): number { return this._cornerRadius }
  set cornerRadius(value: number) {
    requireFinite('cornerRadius', value)
    this._cornerRadius = value
  }
}

export class SectionImpl extends SceneNodeImpl implements Container {
  _children: BaseNodeImpl[] = []
  _contentsHidden = false
  _cornerRadius = 0

  constructor(ctx: FakeContext, id: string) {
    super(ctx, id, 'SECTION', 'Section', WHITE())
  }

  _acceptChild(child: BaseNodeImpl): void {
    if (child._type === 'PAGE' || child._type === 'DOCUMENT') throw new Error(`in appendChild: a ${child._type} cannot be placed inside a SECTION`)
  }

  _checkChildAccess(): void {}

  _clips(): boolean {
    return false
  }

  get children(): ReadonlyArray<SceneNode> { return readChildren(this) }
  appendChild(child: SceneNode): void { insertChildAt(this, this._children.length, child, 'appendChild') }
  insertChild(index: number, child: SceneNode): void { insertChildAt(this, index, child) }
  findChildren(callback?: (node: SceneNode) => boolean): SceneNode[] { return findChildrenIn(this, callback) }
  findChild(callback: (node: SceneNode) => boolean): SceneNode | null { return findChildrenIn(this, callback)[0] ?? null }
  findAll(callback?: (node: SceneNode) => boolean): SceneNode[] { return findAllIn(this, callback) }
  findOne(callback: (node: SceneNode) => boolean): SceneNode | null { return findAllIn(this, callback)[0] ?? null }
  findAllWithCriteria<T extends NodeType[]>(criteria: FindAllCriteria<T>): Array<{ type: T[number] } & SceneNode> {
    return findAllWithCriteriaIn(this, criteria)
  }

  get sectionContentsHidden(): boolean { return this._contentsHidden }
  set sectionContentsHidden(value: boolean) { this._contentsHidden = requireBoolean('sectionContentsHidden', value) }

  get cornerRadius(): number { return this._cornerRadius }
  set cornerRadius(value: number) {
    requireFinite('cornerRadius', value)
    this._cornerRadius = value
  }
}
