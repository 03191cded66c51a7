import { MAX_THUMBNAILS, type HistoryEntry } from '../../src/common/history'
import type { UiToPlugin } from '../../src/common/protocol'
import type { ReadImage } from '../generation/deliver-result'
import type { PlacedResult } from '../generation/run-controller'
import type { ImageCodec } from '../image/image-codec'
import type { HistoryState } from './history-state'
import { makeThumbnail } from './thumbnails'

// Turns a run's placed results into one History entry when the run ends: prompt, size,
// count, time, cost and a few thumbnails. Only the first few images are read again, after the
// run, and their bytes are let go once their thumbnails are made.

interface Collected {
  records: PlacedResult['record'][]
  nodeIds: string[]
  images: ReadImage[]
  referenceImages: readonly string[]
}

export interface RunRecorder {
  onPlaced(placed: PlacedResult): void
  /** Records the run once (later calls get the same promise); resolves when sent. */
  finish(runId: string, requested: number): Promise<void>
}

export interface RunRecorderDeps {
  send(message: UiToPlugin): boolean
  state: HistoryState
  codec?: ImageCodec
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0)
}

export function createRunRecorder({ send, state, codec }: RunRecorderDeps): RunRecorder {
  const runs = new Map<string, Collected>()
  const finished = new Map<string, Promise<void>>()

  async function record(runId: string, requested: number): Promise<void> {
    const collected = runs.get(runId)
    runs.delete(runId)
    const first = collected?.records[0]
    // A run that placed nothing has nothing to show or reuse on the canvas.
    if (!collected || !first) return
    const costs = collected.records.map((r) => r.cost).filter((cost): cost is number => cost !== undefined)
    const cost = costs.length > 0 ? sum(costs) : undefined
    if (cost !== undefined) state.lastRun.value = { runId, total: cost, images: costs.length }
    const thumbnails: Uint8Array<ArrayBuffer>[] = []
    if (codec) {
      for (const readImage of collected.images) {
        const bytes = await readImage()
        const thumb = await makeThumbnail(codec, bytes, { width: first.width, height: first.height })
        // a fresh copy: the protocol carries only ArrayBuffer-backed arrays
        if (thumb) thumbnails.push(new Uint8Array(thumb))
      }
    }
    const entry: HistoryEntry = {
      id: runId,
      prompt: first.prompt,
      width: first.width,
      height: first.height,
      count: Math.max(1, Math.min(20, first.numberResults ?? requested)),
      placed: collected.records.length,
      createdAt: first.createdAt,
      nodeIds: collected.nodeIds,
      referenceNodeIds: first.referenceNodeIds.slice(0, 3),
      // inline data URIs are not kept: only what Runware holds can be sent again without the node
      referenceImages: collected.referenceImages.slice(0, 3).map((image) => (image.startsWith('data:') ? '' : image.slice(0, 100))),
      thumbnails,
    }
    if (cost !== undefined) entry.cost = cost
    if (first.referenceTags) entry.referenceTags = first.referenceTags.slice(0, 3)
    send({ type: 'history-add', entry })
  }

  return {
    onPlaced(placed) {
      const collected = runs.get(placed.runId) ?? { records: [], nodeIds: [], images: [], referenceImages: placed.referenceImages }
      runs.set(placed.runId, collected)
      collected.records.push(placed.record)
      collected.nodeIds.push(placed.nodeId)
      if (collected.images.length < MAX_THUMBNAILS) collected.images.push(placed.readImage)
    },
    finish(runId, requested) {
      let done = finished.get(runId)
      if (!done) {
        done = record(runId, requested).catch((error: unknown) => console.warn('run not added to History:', error))
        finished.set(runId, done)
      }
      return done
    },
  }
}
