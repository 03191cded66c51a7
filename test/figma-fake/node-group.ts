// GroupNode, made by figma.group(nodes, parent, index?).
// Plugin typings: the list of nodes must be non-empty (Figma has no empty groups); a group
// has no fills or strokes of its own, does not clip, and its x/y/width/height are the bounds
// of its children, which keep their x/y relative to the group's containing parent. Moving
// the group moves its children; a group left without children is deleted.
import { SceneNodeImpl, removeNode, requireFinite } from './node-scene'
import { findAllIn, findAllWithCriteriaIn, findChildrenIn, insertChildAt, readChildren } from './children'
import { boundingBoxOf, childSpaceOf } from './bounds'
import { placement, union, type Box, type Matrix } from './geometry'
import { notImplemented } from './errors'
import type { BaseNodeImpl, Container } from './node-base'
import type { FakeContext } from './context'

export class GroupImpl extends SceneNodeImpl implements Container {
  _children: BaseNodeImpl[] = []

  constructor(ctx: FakeContext, id: string) {
    super(ctx, id, 'GROUP', 'Group', Object.freeze([]))
  }

  _acceptChild(child: BaseNodeImpl): void {
    if (child._type === 'PAGE' || child._type === 'DOCUMENT' || child._type === 'SECTION') {
      throw new Error(`in appendChild: a ${child._type} cannot be placed inside a GROUP`)
    }
  }

  _checkChildAccess(): void {}

  _clips(): boolean {
    return false
  }

  // Figma deletes a group as soon as its last child leaves it.
  _childLeft(): void {
    if (this._children.length === 0 && !this._removed) removeNode(this)
  }

  // The children's bounds, in the space the group's own x/y are measured in.
  _ownBox(): Box {
    const boxes = this._children.map((child) => boundingBoxOf(child as unknown as SceneNodeImpl)).filter((box): box is Box => box !== null)
    const page = union(boxes) ?? { x: 0, y: 0, width: 0, height: 0 }
    const space = childSpaceOf(this._parent as unknown as SceneNodeImpl | null)
    return { ...page, x: page.x - space[0][2], y: page.y - space[1][2] }
  }

  override _position(): { x: number; y: number } {
    const { x, y } = this._ownBox()
    return { x, y }
  }

  override _size(): { width: number; height: number } {
    const { width, height } = this._ownBox()
    return { width, height }
  }

  override _relativeTransform(): Matrix {
    const { x, y } = this._position()
    return placement(x, y, 0)
  }

  override get x(): number { return this._position().x }
  override set x(value: number) {
    requireFinite('x', value)
    this._shiftChildren(value - this.x, 0)
  }

  override get y(): number { return this._position().y }
  override set y(value: number) {
    requireFinite('y', value)
    this._shiftChildren(0, value - this.y)
  }

  _shiftChildren(dx: number, dy: number): void {
    for (const child of this._children as unknown as SceneNodeImpl[]) {
      child._x += dx
      child._y += dy
    }
  }

  // Resizing or rotating a group scales or turns its children; the fake does not model that.
  override _resize(): void { notImplemented('GroupNode.resize') }
  override get rotation(): number { return 0 }
  override set rotation(_value: number) { notImplemented('GroupNode.rotation') }
  override get relativeTransform(): Transform { return this._relativeTransform() }
  override set relativeTransform(_value: Transform) { notImplemented('GroupNode.relativeTransform') }

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
}
