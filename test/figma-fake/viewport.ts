// figma.viewport: center, zoom, bounds (read-only) and scrollAndZoomIntoView (Figma's plugin
// API reference, figma.viewport). The canvas area sits at `_screen` in the Figma window (window
// space, pixels; 1280×800 at the origin unless a host says where it draws it); bounds is the
// canvas region it shows at the current zoom. Every scrollAndZoomIntoView call is recorded, and
// every change the plugin makes to center or zoom counted, so tests and the host can follow.
import { boundingBoxOf, contentBoundsOf, type Placed } from './bounds'
import { union, type Box } from './geometry'
import { pluginIsCalling, type FakeContext } from './context'

export const SCREEN = Object.freeze({ width: 1280, height: 800 })

export interface ScreenRect { x: number; y: number; width: number; height: number }

export class ViewportImpl implements Pick<ViewportAPI, 'center' | 'zoom' | 'bounds' | 'scrollAndZoomIntoView'> {
  _center: Vector = { x: 0, y: 0 }
  _zoom = 1
  _screen: ScreenRect = { x: 0, y: 0, ...SCREEN }
  /** Times the plugin (not the host) set center or zoom. */
  _moves = 0
  readonly _scrolls: Array<ReadonlyArray<BaseNode>> = []

  constructor(readonly _ctx: FakeContext) {}

  get center(): Vector { return { ...this._center } }
  set center(value: Vector) {
    if (!Number.isFinite(value?.x) || !Number.isFinite(value?.y)) throw new TypeError('in set_center: Expected { x, y } numbers')
    this._center = { x: value.x, y: value.y }
    if (pluginIsCalling(this._ctx)) this._moves++
  }

  get zoom(): number { return this._zoom }
  set zoom(value: number) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) throw new RangeError('in set_zoom: Expected a positive number')
    this._zoom = value
    if (pluginIsCalling(this._ctx)) this._moves++
  }

  get bounds(): Rect {
    const width = this._screen.width / this._zoom
    const height = this._screen.height / this._zoom
    return { x: this._center.x - width / 2, y: this._center.y - height / 2, width, height }
  }

  /** A point of the Figma window (pixels) as a point of the page. */
  _toCanvas(point: Vector): Vector {
    const screen = this._screen
    return {
      x: this._center.x + (point.x - screen.x - screen.width / 2) / this._zoom,
      y: this._center.y + (point.y - screen.y - screen.height / 2) / this._zoom,
    }
  }

  /** A point of the page as a point of the Figma window (pixels). */
  _toWindow(point: Vector): Vector {
    const screen = this._screen
    return {
      x: screen.x + screen.width / 2 + (point.x - this._center.x) * this._zoom,
      y: screen.y + screen.height / 2 + (point.y - this._center.y) * this._zoom,
    }
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
    const fit = Math.min(this._screen.width / Math.max(area.width, 1), this._screen.height / Math.max(area.height, 1)) * 0.9
    this._zoom = Math.min(Math.max(fit, 0.02), 256)
  }
}
