import type { GenerationRecord } from '../../src/common/generation-record'
import type { ImagePipeline } from '../image/image-pipeline'
import { damagedImageError } from '../runware/errors'
import { checkImageBytes } from '../runware/image-check'
import { MAX_RESULT_BYTES, tooManyBytesMessage } from '../runware/result-bounds'
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

/** How History reads a placed result's bytes again, for its thumbnail after the run. */
export type ReadImage = () => Promise<Uint8Array>

/** A result on its way: the sandbox has it (or the URL to fetch) and answers through `placed`. */
export interface Delivery {
  /** `readImage` is null when Figma fetched the image itself: the UI never had its bytes. */
  placed: Promise<{ nodeId: string; readImage: ReadImage | null }>
}

/**
 * Posting hands the bytes over to the sandbox (ui/bridge/transferable-bytes.ts), so what
 * History needs after the run is kept apart: a base64 result is decoded again then (~1 ms); a
 * downloaded one keeps the bytes as received, copied when they are the very bytes posted.
 */
function keepForHistory(result: InferenceResult, raw: Uint8Array, posted: Uint8Array, fetchBytes: FetchBytes): ReadImage {
  if (result.imageDataURI ?? result.imageBase64Data) return () => resultBytes(result, fetchBytes)
  const kept = posted === raw ? raw.slice() : raw
  return async () => kept
}

/**
 * A downloaded image is checked as an inline one is (whole, from signature to end marker) and
 * bounded in bytes: a download cut short still arrives as a 200, and the sandbox's Figma
 * fallback is only for downloads that did not arrive at all, so a damaged one is never placed.
 */
function refuseUnfit(result: InferenceResult, raw: Uint8Array): void {
  if (raw.length > MAX_RESULT_BYTES) throw new Error(tooManyBytesMessage(raw.length))
  // inline results had this check in the Runware layer, before they were handed over
  if (result.imageDataURI ?? result.imageBase64Data) return
  const check = checkImageBytes(raw)
  if (!check.ok) throw damagedImageError(result.imageUUID, check.reason, result.taskUUID)
}

/**
 * Makes the result's bytes ready and posts them to the sandbox; resolves once posted, so the
 * caller can send the next result without waiting for this one to be placed.
 */
export async function sendResult(
  deps: DeliverDeps,
  body: { runId: string; index: number; result: InferenceResult; record: GenerationRecord },
): Promise<Delivery> {
  const { runId, index, result, record } = body
  let raw: Uint8Array
  try {
    raw = await resultBytes(result, deps.fetchBytes)
  } catch (error) {
    const url = result.imageURL
    if (!url || !deps.bridge.placeResultUrl) throw error
    console.warn('image download refused in the plugin window, asking Figma to fetch it:', error instanceof Error ? error.message : error)
    // the bytes stay with Figma: the UI has none to show
    return { placed: deps.bridge.placeResultUrl({ runId, index, url, record }).then(({ nodeId }) => ({ nodeId, readImage: null })) }
  }
  refuseUnfit(result, raw)
  const image = (await deps.pipeline.prepareResult(raw)).bytes
  const readImage = keepForHistory(result, raw, image, deps.fetchBytes)
  return { placed: deps.bridge.placeResult({ runId, index, image, record }).then(({ nodeId }) => ({ nodeId, readImage })) }
}

/** Sends one result and waits until it is on the canvas. */
export async function deliverResult(
  deps: DeliverDeps,
  body: { runId: string; index: number; result: InferenceResult; record: GenerationRecord },
): Promise<{ nodeId: string; readImage: ReadImage | null }> {
  return (await sendResult(deps, body)).placed
}
