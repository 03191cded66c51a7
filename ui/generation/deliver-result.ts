import type { GenerationRecord } from '../../src/common/generation-record'
import type { ImagePipeline } from '../image/image-pipeline'
import type { InferenceResult } from '../runware/types'
import { resultBytes, type FetchBytes } from './result-bytes'

// One finished result onto its slot. URL output is downloaded here first; when the iframe may
// not (the image host refuses CORS to a null origin, or the network fails), the URL goes to
// the sandbox, whose figma.createImageAsync is not bound by the iframe's origin. The result is
// paid for: it is placed either way, or the error says why neither route worked.

export interface DeliverBridge {
  placeResult(body: { runId: string; index: number; image: Uint8Array; record: GenerationRecord }): Promise<{ nodeId: string }>
  placeResultUrl?(body: { runId: string; index: number; url: string; record: GenerationRecord }): Promise<{ nodeId: string }>
}

export interface DeliverDeps {
  bridge: DeliverBridge
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
}

export async function deliverResult(
  deps: DeliverDeps,
  body: { runId: string; index: number; result: InferenceResult; record: GenerationRecord },
): Promise<{ nodeId: string; image: Uint8Array | null }> {
  const { runId, index, result, record } = body
  let raw: Uint8Array
  try {
    raw = await resultBytes(result, deps.fetchBytes)
  } catch (error) {
    const url = result.imageURL
    if (!url || !deps.bridge.placeResultUrl) throw error
    console.warn('image download refused in the plugin window, asking Figma to fetch it:', error instanceof Error ? error.message : error)
    const placed = await deps.bridge.placeResultUrl({ runId, index, url, record })
    // the bytes stayed with Figma: the UI has none to show
    return { nodeId: placed.nodeId, image: null }
  }
  const prepared = await deps.pipeline.prepareResult(raw)
  const placed = await deps.bridge.placeResult({ runId, index, image: prepared.bytes, record })
  return { nodeId: placed.nodeId, image: prepared.bytes }
}
