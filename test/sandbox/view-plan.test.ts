import { describe, expect, it } from 'vitest'

import { planView, type ViewState } from '../../src/placement/view-plan'
import type { Rect } from '../../src/placement/run-layout'

// A 1200×800 screen at zoom 1 centred on the origin, with a 360×680 window at its right edge.
const view: ViewState = { zoom: 1, bounds: { x: -600, y: -400, width: 1200, height: 800 } }
const window: Rect = { x: 224, y: -384, width: 360, height: 680 }

/** The part of the page a choice shows, and the window's rectangle at that choice (the window stays put on screen). */
function after(choice: { center: { x: number; y: number }; zoom: number }, screen = { width: 1200, height: 800 }, onScreen = { x: 824, y: 16, width: 360, height: 680 }) {
  const bounds = { x: choice.center.x - screen.width / 2 / choice.zoom, y: choice.center.y - screen.height / 2 / choice.zoom, width: screen.width / choice.zoom, height: screen.height / choice.zoom }
  const win = { x: bounds.x + onScreen.x / choice.zoom, y: bounds.y + onScreen.y / choice.zoom, width: onScreen.width / choice.zoom, height: onScreen.height / choice.zoom }
  return { bounds, win }
}

const contains = (outer: Rect, inner: Rect) =>
  inner.x >= outer.x - 1e-6 && inner.y >= outer.y - 1e-6 && inner.x + inner.width <= outer.x + outer.width + 1e-6 && inner.y + inner.height <= outer.y + outer.height + 1e-6
const apart = (a: Rect, b: Rect) => a.x + a.width <= b.x + 1e-6 || b.x + b.width <= a.x + 1e-6 || a.y + a.height <= b.y + 1e-6 || b.y + b.height <= a.y + 1e-6

describe('planView', () => {
  it('leaves the view alone when the run is in view and clear of the window', () => {
    expect(planView(view, { x: -500, y: -300, width: 300, height: 300 }, null, window)).toBeNull()
  })

  it('moves a run that lies under the window to the free part of the screen', () => {
    const run = { x: 240, y: -100, width: 300, height: 200 }
    const choice = planView(view, run, null, window)!
    expect(choice).not.toBeNull()
    const { bounds, win } = after(choice)
    expect(contains(bounds, run)).toBe(true)
    expect(apart(run, win)).toBe(true)
    expect(choice.zoom).toBe(1)
  })

  it('zooms out to fit a run larger than the free part, never zooming in', () => {
    const run = { x: 2000, y: 0, width: 4600, height: 1200 }
    const choice = planView(view, run, null, window)!
    const { bounds, win } = after(choice)
    expect(choice.zoom).toBeLessThan(1)
    expect(contains(bounds, run)).toBe(true)
    expect(apart(run, win)).toBe(true)
    const zoomedOut = planView({ zoom: 0.01, bounds: { x: -60000, y: -40000, width: 120000, height: 80000 } }, { x: 900000, y: 0, width: 100, height: 100 }, null, null)!
    expect(zoomedOut.zoom).toBe(0.01)
  })

  it('brings the sources along when both fit at a useful size', () => {
    const sources = { x: 0, y: 0, width: 1440, height: 1024 }
    const run = { x: 1520, y: 0, width: 2000, height: 1200 }
    const choice = planView(view, run, sources, window)!
    const { bounds, win } = after(choice)
    expect(contains(bounds, sources)).toBe(true)
    expect(contains(bounds, run)).toBe(true)
    expect(apart(run, win) && apart(sources, win)).toBe(true)
  })

  it('leaves far sources out rather than shrinking the run below half its size', () => {
    const sources = { x: -40000, y: 0, width: 1440, height: 1024 }
    const run = { x: 1520, y: 0, width: 2000, height: 1200 }
    const choice = planView(view, run, sources, window)!
    const { bounds } = after(choice)
    expect(contains(bounds, run)).toBe(true)
    expect(contains(bounds, sources)).toBe(false)
    expect(choice.zoom).toBe(planView(view, run, null, window)!.zoom)
  })

  it('ignores the window only when it leaves no room at all', () => {
    const huge = { x: -590, y: -390, width: 1180, height: 780 }
    const run = { x: 5000, y: 5000, width: 400, height: 400 }
    const choice = planView(view, run, null, huge)!
    const { bounds } = after(choice)
    expect(contains(bounds, run)).toBe(true)
  })

  it('shows a run that is only partly in view', () => {
    const run = { x: 500, y: 300, width: 400, height: 400 }
    const choice = planView(view, run, null, null)!
    expect(contains(after(choice).bounds, run)).toBe(true)
  })
})
