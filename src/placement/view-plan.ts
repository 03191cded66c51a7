import { unionOf } from './run-layout'
import type { Point, Rect } from './run-layout'

// Where to look so a run can be seen arriving: pure maths over canvas rectangles, the visible
// part of the page and the plugin window. The window floats over the canvas, so the target is
// fitted into the largest strip of the screen the window leaves free; only when no strip can
// show it is the window ignored.

export interface ViewState {
  zoom: number
  /** The part of the page in view, in canvas units. */
  bounds: Rect
}

export interface ViewChoice {
  center: Point
  zoom: number
}

/** Screen pixels kept free around the target and between it and the window. */
const MARGIN = 48
/** The sources come along unless that makes the run less than half as large on screen. */
const WITH_SOURCES_MIN_SCALE = 0.5

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height
}

function apart(a: Rect, b: Rect): boolean {
  return a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y
}

/** The screen (origin top left, in pixels) split into the strips left, right, above and below the window. */
function freeStrips(screen: { width: number; height: number }, window: Rect | null): Rect[] {
  const full = { x: 0, y: 0, ...screen }
  if (!window) return [full]
  const left = Math.max(0, window.x)
  const right = Math.min(screen.width, window.x + window.width)
  const top = Math.max(0, window.y)
  const bottom = Math.min(screen.height, window.y + window.height)
  if (left >= right || top >= bottom) return [full]
  return [
    { x: 0, y: 0, width: left, height: screen.height },
    { x: right, y: 0, width: screen.width - right, height: screen.height },
    { x: 0, y: 0, width: screen.width, height: top },
    { x: 0, y: bottom, width: screen.width, height: screen.height - bottom },
  ].filter((strip) => strip.width > 2 * MARGIN && strip.height > 2 * MARGIN)
}

function fitZoom(target: Rect, strip: Rect): number {
  return Math.min((strip.width - 2 * MARGIN) / Math.max(target.width, 1), (strip.height - 2 * MARGIN) / Math.max(target.height, 1))
}

/** The strip that shows `target` largest, and the zoom that fits it there. */
function bestStrip(target: Rect, strips: readonly Rect[]): { strip: Rect; zoom: number } | null {
  let best: { strip: Rect; zoom: number } | null = null
  for (const strip of strips) {
    const zoom = fitZoom(target, strip)
    if (zoom > 0 && (!best || zoom > best.zoom)) best = { strip, zoom }
  }
  return best
}

/**
 * The view that shows `run` (with `sources` when both fit at a useful size), clear of `window`
 * (canvas units), or null when the run is already in view and clear of it. The zoom never goes
 * above the current one: a designer zoomed out stays zoomed out.
 */
export function planView(view: ViewState, run: Rect, sources: Rect | null, window: Rect | null): ViewChoice | null {
  const { zoom, bounds } = view
  const toScreen = (rect: Rect): Rect => ({ x: (rect.x - bounds.x) * zoom, y: (rect.y - bounds.y) * zoom, width: rect.width * zoom, height: rect.height * zoom })
  const screen = { width: bounds.width * zoom, height: bounds.height * zoom }
  const windowOnScreen = window ? toScreen(window) : null
  if (inside(run, bounds) && (!window || apart(run, window))) return null

  const strips = freeStrips(screen, windowOnScreen)
  const full = [{ x: 0, y: 0, ...screen }]
  const alone = bestStrip(run, strips) ?? bestStrip(run, full)
  if (!alone) return null
  let target = run
  let fit = alone
  if (sources) {
    const both = unionOf([run, sources])!
    const together = bestStrip(both, strips)
    if (together && together.zoom >= alone.zoom * WITH_SOURCES_MIN_SCALE) {
      target = both
      fit = together
    }
  }
  const nextZoom = Math.min(zoom, fit.zoom)
  const { strip } = fit
  // The target's centre goes to the strip's centre: solve for the viewport centre.
  const offset = { x: strip.x + strip.width / 2 - screen.width / 2, y: strip.y + strip.height / 2 - screen.height / 2 }
  return {
    zoom: nextZoom,
    center: { x: target.x + target.width / 2 - offset.x / nextZoom, y: target.y + target.height / 2 - offset.y / nextZoom },
  }
}
