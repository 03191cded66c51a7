// figma.viewport: center, zoom, bounds (read-only) and scrollAndZoomIntoView (figma-platform.md
// §6.3). The fake assumes a 1280×800 canvas area on screen; bounds is the canvas region it
// shows at the current zoom. Every scrollAndZoomIntoView call is recorded so tests can check
// that results were brought into view.
import { boundingBoxOf, contentBoundsOf, type Placed } from './bounds'
import { union, type Box } from './geometry'
import type { FakeContext } from './context'

export const SCREEN = Object.freeze({ width: 1280, height: 800 })

export class ViewportImpl implements Pick<ViewportAPI, 'center' | 'zoom' | 'bounds' | 'scrollAndZoomIntoView'> {
  _center: Vector = { x: 0, y: 0 }
  _zoom = 1
  readonly _scrolls: Array<ReadonlyArray<BaseNode>> = []

  constructor(readonly _ctx: FakeContext) {}

  get center(): Vector { return { ...this._center } }
  set center(value: Vector) {
    if (!Number.isFinite(value?.x) || !Number.isFinite(value?.y)) throw new TypeError('in set_center: Expected { x, y } numbers')
    this._center = { x: value.x, y: value.y }
  }

  get zoom(): number { return this._zoom }
  set zoom(value: number) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError('in set_zoom: Expected a positive number')
    this._zoom = value
  }

  get bounds(): Rect {
    const width = SCREEN.width / this._zoom
    const height = SCREEN.height / this._zoom
    return { x: this._center.x - width / 2, y: this._center.y - height / 2, width, height }
  }

  scrollAndZoomIntoView(nodes: ReadonlyArray<BaseNode>): void {
    if (!Array.isArray(nodes)) throw new TypeError('in scrollAndZoomIntoView: Expected an array of nodes')
    const boxes = (nodes as unknown as Placed[]).map((node) => {
      if ((node as Partial<{ _ctx: FakeContext }>)._ctx !== this._ctx) throw new TypeError('in scrollAndZoomIntoView: Expected nodes of this document')
      return boundingBoxOf(node) ?? contentBoundsOf(node)
    })
    this._scrolls.push(Object.freeze([...nodes]))
    const area = union(boxes.filter((box): box is Box => box !== null))
    if (!area) return
    this._center = { x: area.x + area.width / 2, y: area.y + area.height / 2 }
    // Fit the area with a margin, as Shift-1 does.
    const fit = Math.min(SCREEN.width / Math.max(area.width, 1), SCREEN.height / Math.max(area.height, 1)) * 0.9
    this._zoom = Math.min(Math.max(fit, 0.02), 256)
  }
}
