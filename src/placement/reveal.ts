import { planView } from './view-plan'
import type { Rect } from './run-layout'

// Brings a run into view at its start (and its results at its end) without touching the
// selection, beside the plugin window rather than under it.

/** The plugin window as the sandbox opened or resized it; hidden for a Quick Actions run. */
export interface UiWindow {
  width: number
  height: number
  visible: boolean
}

/** Figma draws a title bar above the iframe; the position is taken to be the window's corner. */
const TITLE_BAR = 40

function windowRect(figma: PluginAPI, ui: UiWindow): Rect | null {
  if (!ui.visible) return null
  try {
    const { canvasSpace } = figma.ui.getPosition()
    const zoom = figma.viewport.zoom
    return { ...canvasSpace, width: ui.width / zoom, height: (ui.height + TITLE_BAR) / zoom }
  } catch (error) {
    // getPosition throws when there is no UI: then nothing covers the canvas.
    console.warn('plugin window position unknown:', error)
    return null
  }
}

export function reveal(figma: PluginAPI, ui: UiWindow, run: Rect, sources: Rect | null): void {
  const { viewport } = figma
  const choice = planView({ zoom: viewport.zoom, bounds: viewport.bounds }, run, sources, windowRect(figma, ui))
  if (!choice) return
  viewport.zoom = choice.zoom
  viewport.center = choice.center
}
