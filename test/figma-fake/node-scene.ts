// What frames, rectangles, sections and text share: position and size, rotation,
// transforms and bounds, visibility, fills and strokes, export.
// Plugin typings: x/y are relative to the containing parent (and
// no-ops inside auto-layout); width/height change only through resize /
// resizeWithoutConstraints, which need both values >= 0.01.
import { BaseNodeImpl, pageOf } from './node-base'
import { absoluteTransformOf, boundingBoxOf, renderBoundsOf } from './bounds'
import { placement, rotationOf, type Matrix } from './geometry'
import { normalizePaints } from './paints'
import { checkAnnotations } from './annotations'
import { exportNode } from './export'
import type { FakeContext } from './context'

export const MIN_SIZE = 0.01

export abstract class SceneNodeImpl extends BaseNodeImpl {
  _x = 0
  _y = 0
  _width = 100
  _height = 100
  _rotation = 0
  _visible = true
  _locked = false
  _opacity = 1
  _fills: ReadonlyArray<Paint>
  _strokes: ReadonlyArray<Paint> = Object.freeze([])
  _strokeWeight = 1
  _strokeAlign: 'CENTER' | 'INSIDE' | 'OUTSIDE' = 'INSIDE'
  _layoutPositioning: 'AUTO' | 'ABSOLUTE' = 'AUTO'
  _exportSettings: ReadonlyArray<ExportSettings> = Object.freeze([])
  _annotations: ReadonlyArray<Annotation> = Object.freeze([])

  constructor(ctx: FakeContext, id: string, type: NodeType, name: string, fills: ReadonlyArray<Paint>) {
    super(ctx, id, type, name)
    this._fills = fills
  }

  _size(): { width: number; height: number } {
    return { width: this._width, height: this._height }
  }

  _position(): { x: number; y: number } {
    return this._parent?._autoLayoutPosition?.(this) ?? { x: this._x, y: this._y }
  }

  _relativeTransform(): Matrix {
    const { x, y } = this._position()
    return placement(x, y, this._rotation)
  }

  _strokeOutset(): number {
    if (!this._strokes.some((paint) => paint.visible !== false)) return 0
    return this._strokeAlign === 'OUTSIDE' ? this._strokeWeight : this._strokeAlign === 'CENTER' ? this._strokeWeight / 2 : 0
  }

  _followsAutoLayout(): boolean {
    return this._parent?._autoLayoutPosition?.(this) != null
  }

  get x(): number { return this._position().x }
  set x(value: number) {
    requireFinite('x', value)
    if (!this._followsAutoLayout()) this._x = value
  }

  get y(): number { return this._position().y }
  set y(value: number) {
    requireFinite('y', value)
    if (!this._followsAutoLayout()) this._y = value
  }

  get width(): number { return this._size().width }
  get height(): number { return this._size().height }

  resize(width: number, height: number): void {
    this._resize('resize', width, height)
  }

  // The fake has no constraints (every child keeps MIN/MIN, Figma's default), so both
  // resize calls leave children where they are.
  resizeWithoutConstraints(width: number, height: number): void {
    this._resize('resizeWithoutConstraints', width, height)
  }

  _resize(call: string, width: number, height: number): void {
    for (const [name, value] of [['width', width], ['height', height]] as const) {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`in ${call}: Expected "${name}" to be a number`)
      if (value < MIN_SIZE) throw new RangeError(`in ${call}: Expected "${name}" to have value >= ${MIN_SIZE}, got ${value}`)
    }
    this._width = width
    this._height = height
  }

  get rotation(): number { return this._rotation }
  set rotation(value: number) {
    requireFinite('rotation', value)
    this._rotation = rotationOf(placement(0, 0, value))
  }

  get relativeTransform(): Transform { return this._relativeTransform() }
  set relativeTransform(value: Transform) {
    const ok = Array.isArray(value) && value.length === 2 && value.every((row) => Array.isArray(row) && row.length === 3 && row.every(Number.isFinite))
    if (!ok) throw new TypeError('in set_relativeTransform: Expected a 2×3 matrix of numbers')
    this._rotation = rotationOf(value as Matrix)
    if (!this._followsAutoLayout()) {
      this._x = value[0][2]
      this._y = value[1][2]
    }
  }

  get absoluteTransform(): Transform { return absoluteTransformOf(this) }
  get absoluteBoundingBox(): Rect | null { return boundingBoxOf(this) }
  get absoluteRenderBounds(): Rect | null { return renderBoundsOf(this) }

  // Only on the node types that list the member (frames, rectangles, text); the guard keeps a
  // section from reaching these.
  get annotations(): ReadonlyArray<Annotation> { return this._annotations }
  set annotations(value: ReadonlyArray<Annotation>) { this._annotations = checkAnnotations(this._ctx, value) }

  get visible(): boolean { return this._visible }
  set visible(value: boolean) { this._visible = requireBoolean('visible', value) }

  get locked(): boolean { return this._locked }
  set locked(value: boolean) { this._locked = requireBoolean('locked', value) }

  get opacity(): number { return this._opacity }
  set opacity(value: number) {
    requireFinite('opacity', value)
    if (value < 0 || value > 1) throw new RangeError('in set_opacity: Expected a value between 0 and 1')
    this._opacity = value
  }

  get fills(): ReadonlyArray<Paint> { return this._fills }
  set fills(value: ReadonlyArray<Paint>) { this._fills = normalizePaints(value, 'fills', (hash) => this._ctx.images.has(hash)) }

  get strokes(): ReadonlyArray<Paint> { return this._strokes }
  set strokes(value: ReadonlyArray<Paint>) { this._strokes = normalizePaints(value, 'strokes', (hash) => this._ctx.images.has(hash)) }

  get strokeWeight(): number { return this._strokeWeight }
  set strokeWeight(value: number) {
    requireFinite('strokeWeight', value)
    if (value < 0) throw new RangeError('in set_strokeWeight: Expected a value >= 0')
    this._strokeWeight = value
  }

  get strokeAlign(): 'CENTER' | 'INSIDE' | 'OUTSIDE' { return this._strokeAlign }
  set strokeAlign(value: 'CENTER' | 'INSIDE' | 'OUTSIDE') {
    if (!['CENTER', 'INSIDE', 'OUTSIDE'].includes(value)) throw new TypeError(`in set_strokeAlign: Invalid value ${String(value)}`)
    this._strokeAlign = value
  }

  get layoutPositioning(): 'AUTO' | 'ABSOLUTE' { return this._layoutPositioning }
  set layoutPositioning(value: 'AUTO' | 'ABSOLUTE') {
    if (value !== 'AUTO' && value !== 'ABSOLUTE') throw new TypeError(`in set_layoutPositioning: Invalid value ${String(value)}`)
    const parent = this._parent as { _layoutMode?: string } | null
    if (value === 'ABSOLUTE' && (!parent?._layoutMode || parent._layoutMode === 'NONE')) {
      throw new Error('in set_layoutPositioning: ABSOLUTE is only allowed on children of auto-layout frames')
    }
    if (value === 'ABSOLUTE') Object.assign(this, { _x: this.x, _y: this.y })
    this._layoutPositioning = value
  }

  get exportSettings(): ReadonlyArray<ExportSettings> { return this._exportSettings }
  set exportSettings(value: ReadonlyArray<ExportSettings>) {
    if (!Array.isArray(value)) throw new TypeError('in set_exportSettings: Expected an array')
    this._exportSettings = Object.freeze(value.map((s: ExportSettings) => Object.freeze({ ...s })))
  }

  exportAsync(settings?: ExportSettings): Promise<Uint8Array> {
    return exportNode(this, settings)
  }

  remove(): void {
    removeNode(this)
  }
}

// Detaches the node, marks its subtree removed and drops it from its page's selection.
export function removeNode(node: BaseNodeImpl): void {
  const page = pageOf(node) as { _pruneSelection?(): void } | null
  const parent = node._parent
  if (parent) parent._children.splice(parent._children.indexOf(node), 1)
  node._markRemoved()
  parent?._childLeft?.()
  page?._pruneSelection?.()
}

export function requireFinite(name: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`in set_${name}: Expected a finite number, got ${String(value)}`)
}

export function requireBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new TypeError(`in set_${name}: Expected a boolean, got ${typeof value}`)
  return value
}
