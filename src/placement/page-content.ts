import type { Rect } from './run-layout'

// What is already on the page, as rectangles for the layout: everything at the top level
// (nothing new may overlap it) and the sections of earlier runs from the same sources
// (a new run goes below them). Runs are recognised by a marker in their plugin data.

export const RUN_MARKER_KEY = 'run'

export interface RunMarker {
  version: 1
  runId: string
  /** The reference node ids the run was made from, sorted. */
  sources: string[]
}

export function sourceKey(nodeIds: readonly string[]): string {
  return [...new Set(nodeIds)].sort().join(',')
}

export function encodeRunMarker(runId: string, sourceIds: readonly string[]): string {
  const marker: RunMarker = { version: 1, runId, sources: [...new Set(sourceIds)].sort() }
  return JSON.stringify(marker)
}

export function decodeRunMarker(text: string): RunMarker | undefined {
  if (!text) return undefined
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null) return undefined
    const marker = value as Partial<RunMarker>
    if (marker.version !== 1 || typeof marker.runId !== 'string' || !Array.isArray(marker.sources)) return undefined
    if (!marker.sources.every((id) => typeof id === 'string')) return undefined
    return marker as RunMarker
  } catch {
    return undefined
  }
}

export interface PageContent {
  occupied: Rect[]
  previousRuns: Rect[]
}

export function readPageContent(page: PageNode, sourceIds: readonly string[]): PageContent {
  const key = sourceKey(sourceIds)
  const occupied: Rect[] = []
  const previousRuns: Rect[] = []
  for (const child of page.children) {
    const box = child.absoluteBoundingBox
    if (!box) continue
    occupied.push(box)
    const marker = decodeRunMarker(child.getPluginData(RUN_MARKER_KEY))
    if (marker && sourceKey(marker.sources) === key) previousRuns.push(box)
  }
  return { occupied, previousRuns }
}
