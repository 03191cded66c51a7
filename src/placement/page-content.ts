import * as z from 'zod/mini'

import { parseJsonWith } from '../common/parse-json'
import type { Rect } from './run-layout'
import { RUN_MARKER_KEY } from '../common/storage-keys'

// What is already on the page, as rectangles for the layout: everything at the top level
// (nothing new may overlap it) and the sections of earlier runs from the same sources
// (a new run goes below them). Runs are recognised by a marker in their plugin data.

const RunMarkerSchema = z.object({
  version: z.literal(1),
  runId: z.string(),
  /** The reference node ids the run was made from, sorted. */
  sources: z.array(z.string()),
})
export type RunMarker = z.infer<typeof RunMarkerSchema>

export function sourceKey(nodeIds: readonly string[]): string {
  return [...new Set(nodeIds)].sort().join(',')
}

export function encodeRunMarker(runId: string, sourceIds: readonly string[]): string {
  const marker: RunMarker = { version: 1, runId, sources: [...new Set(sourceIds)].sort() }
  return JSON.stringify(marker)
}

export function decodeRunMarker(text: string): RunMarker | undefined {
  return parseJsonWith(RunMarkerSchema, text)
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
