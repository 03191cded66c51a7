import { base64ToBytes, parseDataUri } from './base64'
import { classifyThrown } from './classify-error'
import { damagedImageError, RunwareError } from './errors'
import { checkImageBytes, type ImageFormat } from './image-check'
import type { InferenceResult } from './types'

// The bytes of one result, whatever its outputType (URL, base64Data, dataURI), checked to be a
// whole PNG/JPEG/WEBP before the UI decodes or places it. URL results need a download, which
// from the iframe also needs CORS on the image host (unknown); dataURI output avoids that.

export interface ResultImage {
  bytes: Uint8Array<ArrayBuffer>
  format: ImageFormat
}

export interface ReadImageOptions {
  fetchImpl?: typeof fetch
  signal?: AbortSignal
}

function damaged(result: InferenceResult, reason: string): RunwareError {
  return damagedImageError(result.imageUUID, reason, result.taskUUID)
}

async function download(url: string, options: ReadImageOptions): Promise<Uint8Array<ArrayBuffer>> {
  const fetchImpl = options.fetchImpl ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  let response: Response
  try {
    response = await fetchImpl(url, { signal: options.signal })
  } catch (thrown) {
    throw classifyThrown(thrown)
  }
  if (!response.ok) {
    throw new RunwareError({
      kind: response.status === 404 || response.status === 410 ? 'server' : 'network',
      message: "Couldn't download this image; its link may have expired. Generate it again.",
      detail: `GET image: HTTP ${response.status}`,
      status: response.status,
    })
  }
  return new Uint8Array(await response.arrayBuffer())
}

export async function readResultImage(result: InferenceResult, options: ReadImageOptions = {}): Promise<ResultImage> {
  let bytes: Uint8Array<ArrayBuffer>
  try {
    if (result.imageBase64Data) bytes = base64ToBytes(result.imageBase64Data)
    else if (result.imageDataURI) {
      const parsed = parseDataUri(result.imageDataURI)
      if (!parsed) throw damaged(result, 'not a base64 data URI')
      bytes = base64ToBytes(parsed.base64)
    } else if (result.imageURL) bytes = await download(result.imageURL, options)
    else throw damaged(result, 'no image field')
  } catch (thrown) {
    if (thrown instanceof RunwareError) throw thrown
    throw damaged(result, 'not valid base64')
  }
  const check = checkImageBytes(bytes)
  if (!check.ok) throw damaged(result, check.reason)
  return { bytes, format: check.format }
}
