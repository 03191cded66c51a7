// FrameNode: a scene node with children, clipping and auto-layout.
// Plugin typings: createFrame() is 100×100 at (0,0) with a white fill; new frames clip their
// content. layoutMode 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID';
// children of auto-layout frames ignore x/y; layoutWrap needs HORIZONTAL; counterAxisSpacing
// needs WRAP; turning auto-layout off keeps the computed positions.
import { SceneNodeImpl, requireBoolean, requireFinite } from './node-scene'
import { findAllIn, findAllWithCriteriaIn, findChildrenIn, insertChildAt, readChildren } from './children'
import { flow, type FlowSpec } from './auto-layout'
import { notImplemented } from './errors'
import { WHITE } from './paints'
import type { BaseNodeImpl, Container } from './node-base'
import type { FakeContext } from './context'

type Sizing = 'FIXED' | 'AUTO'

export class FrameImpl extends SceneNodeImpl implements Container {
  _children: BaseNodeImpl[] = []
  _clipsContent = true
  _layoutMode: 'NONE' | 'HORIZONTAL' | 'VERTICAL' = 'NONE'
  _layout: Omit<FlowSpec, 'mode' | 'width' | 'height'> = {
    paddingLeft: 0, paddingRight: 0, paddingTop: 0, paddingBottom: 0, itemSpacing: 0,
    primaryAxisAlignItems: 'MIN', counterAxisAlignItems: 'MIN', primaryAxisSizingMode: 'AUTO', counterAxisSizingMode: 'FIXED',
  }
  _layoutWrap: 'NO_WRAP' | 'WRAP' = 'NO_WRAP'
  _counterAxisSpacing = 0
  _cornerRadius = 0

  constructor(ctx: FakeContext, id: string) {
    super(ctx, id, 'FRAME', 'Frame', WHITE())
  }

  _acceptChild(child: BaseNodeImpl): void {
    if (child._type === 'PAGE' || child._type === 'DOCUMENT' || child._type === 'SECTION') {
      throw new Error(`in appendChild: a ${child._type} cannot be placed inside a FRAME`)
    }
  }

  _checkChildAccess(): void {}

  _clips(): boolean {
    return this._clipsContent
  }

  _flow(): ReturnType<typeof flow> | null {
    if (this._layoutMode === 'NONE') return null
    const items = this._flowChildren().map((child) => child._size())
    return flow({ ...this._layout, mode: this._layoutMode, width: this._width, height: this._height }, items)
  }

  _flowChildren(): SceneNodeImpl[] {
    return this._children.filter((c): c is SceneNodeImpl => c instanceof SceneNodeImpl && c._visible && c._layoutPositioning === 'AUTO')
  }

  _autoLayoutPosition(child: BaseNodeImpl): { x: number; y: number } | null {
    const result = this._flow()
    if (!result) return null
    const index = this._flowChildren().indexOf(child as SceneNodeImpl)
    return index >= 0 ? result.positions[index]! : null
  }

  override _size(): { width: number; height: number } {
    const result = this._flow()
    return result ? { width: result.width, height: result.height } : { width: this._width, height: this._height }
  }

  // Figma switches an auto-layout frame to fixed sizing when it is resized explicitly.
  override _resize(call: string, width: number, height: number): void {
    super._resize(call, width, height)
    if (this._layoutMode !== 'NONE') Object.assign(this._layout, { primaryAxisSizingMode: 'FIXED', counterAxisSizingMode: 'FIXED' })
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

  get clipsContent(): boolean { return this._clipsContent }
  set clipsContent(value: boolean) { this._clipsContent = requireBoolean('clipsContent', value) }

  get cornerRadius(): number { return this._cornerRadius }
  set cornerRadius(value: number) {
    requireFinite('cornerRadius', value)
    this._cornerRadius = value
  }

  get layoutMode(): 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID' { return this._layoutMode }
  set layoutMode(value: 'NONE' | 'HORIZONTAL' | 'VERTICAL' | 'GRID') {
    if (value === 'GRID') notImplemented("layoutMode = 'GRID'")
    if (!['NONE', 'HORIZONTAL', 'VERTICAL'].includes(value)) throw new TypeError(`in set_layoutMode: Invalid value ${String(value)}`)
    if (value === 'NONE' && this._layoutMode !== 'NONE') this._freezeLayout()
    if (value !== 'HORIZONTAL') this._layoutWrap = 'NO_WRAP'
    this._layoutMode = value
  }

  // Leaving auto-layout keeps what it computed: children stay put, the frame keeps its size.
  _freezeLayout(): void {
    const result = this._flow()!
    this._flowChildren().forEach((child, i) => Object.assign(child, { _x: result.positions[i]!.x, _y: result.positions[i]!.y }))
    this._width = result.width
    this._height = result.height
  }

  get layoutWrap(): 'NO_WRAP' | 'WRAP' { return this._layoutWrap }
  set layoutWrap(value: 'NO_WRAP' | 'WRAP') {
    if (this._layoutMode !== 'HORIZONTAL') throw new Error("in set_layoutWrap: layoutWrap can only be set when layoutMode is 'HORIZONTAL'")
    if (value !== 'NO_WRAP' && value !== 'WRAP') throw new TypeError(`in set_layoutWrap: Invalid value ${String(value)}`)
    this._layoutWrap = value
  }

  get counterAxisSpacing(): number { return this._counterAxisSpacing }
  set counterAxisSpacing(value: number) {
    if (this._layoutWrap !== 'WRAP') throw new Error("in set_counterAxisSpacing: requires layoutWrap 'WRAP'")
    requireFinite('counterAxisSpacing', value)
    this._counterAxisSpacing = value
  }

  get itemSpacing(): number { return this._layout.itemSpacing }
  set itemSpacing(value: number) { this._setLayoutNumber('itemSpacing', value) }
  get paddingLeft(): number { return this._layout.paddingLeft }
  set paddingLeft(value: number) { this._setLayoutNumber('paddingLeft', value) }
  get paddingRight(): number { return this._layout.paddingRight }
  set paddingRight(value: number) { this._setLayoutNumber('paddingRight', value) }
  get paddingTop(): number { return this._layout.paddingTop }
  set paddingTop(value: number) { this._setLayoutNumber('paddingTop', value) }
  get paddingBottom(): number { return this._layout.paddingBottom }
  set paddingBottom(value: number) { this._setLayoutNumber('paddingBottom', value) }
  get horizontalPadding(): number { return this._layout.paddingLeft }
  set horizontalPadding(value: number) { this.paddingLeft = value; this.paddingRight = value }
  get verticalPadding(): number { return this._layout.paddingTop }
  set verticalPadding(value: number) { this.paddingTop = value; this.paddingBottom = value }

  get primaryAxisSizingMode(): Sizing { return this._layout.primaryAxisSizingMode }
  set primaryAxisSizingMode(value: Sizing) { this._layout.primaryAxisSizingMode = oneOf('primaryAxisSizingMode', value, ['FIXED', 'AUTO']) }
  get counterAxisSizingMode(): Sizing { return this._layout.counterAxisSizingMode }
  set counterAxisSizingMode(value: Sizing) { this._layout.counterAxisSizingMode = oneOf('counterAxisSizingMode', value, ['FIXED', 'AUTO']) }
  get primaryAxisAlignItems(): FlowSpec['primaryAxisAlignItems'] { return this._layout.primaryAxisAlignItems }
  set primaryAxisAlignItems(value: FlowSpec['primaryAxisAlignItems']) {
    this._layout.primaryAxisAlignItems = oneOf('primaryAxisAlignItems', value, ['MIN', 'CENTER', 'MAX', 'SPACE_BETWEEN'])
  }
  get counterAxisAlignItems(): FlowSpec['counterAxisAlignItems'] { return this._layout.counterAxisAlignItems }
  set counterAxisAlignItems(value: FlowSpec['counterAxisAlignItems']) {
    this._layout.counterAxisAlignItems = oneOf('counterAxisAlignItems', value, ['MIN', 'CENTER', 'MAX', 'BASELINE'])
  }

  _setLayoutNumber(name: 'itemSpacing' | 'paddingLeft' | 'paddingRight' | 'paddingTop' | 'paddingBottom', value: number): void {
    requireFinite(name, value)
    this._layout[name] = value
  }
}

function oneOf<T extends string>(name: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) throw new TypeError(`in set_${name}: Expected one of ${allowed.join(', ')}, got ${String(value)}`)
  return value
}
