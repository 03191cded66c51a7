import { decodeBase64, decodeDataUri } from '../image/data-uri'
import { MAX_RESULT_BYTES, tooManyBytesMessage } from '../runware/result-bounds'
import type { InferenceResult } from '../runware/types'

// A result's image arrives in one of three shapes depending on `outputType`; this turns any of
// them into bytes. URL output needs a download, which goes through the injected fetcher.

export type FetchBytes = (url: string) => Promise<Uint8Array>

export async function resultBytes(result: InferenceResult, fetchBytes: FetchBytes): Promise<Uint8Array> {
  if (result.imageDataURI) return decodeDataUri(result.imageDataURI).bytes
  if (result.imageBase64Data) return decodeBase64(result.imageBase64Data)
  if (result.imageURL) return fetchBytes(result.imageURL)
  throw new Error('Runware sent a result without an image')
}

const DOWNLOAD_TIMEOUT_MS = 60_000

/** The browser fetcher; Runware's image host must allow CORS for this to work from the iframe. */
export async function fetchImageBytes(url: string): Promise<Uint8Array> {
  // its own deadline: a result already paid for is still fetched after a cancel, but not forever
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), DOWNLOAD_TIMEOUT_MS)
  try {
    const response = await fetch(url, { signal: controller.signal })
    if (!response.ok) throw new Error(`Downloading the image failed (HTTP ${response.status})`)
    return await readBounded(response)
  } finally {
    clearTimeout(timer)
  }
}

/** The body, read no further than MAX_RESULT_BYTES: an absurd download is refused, not held. */
async function readBounded(response: Response): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > MAX_RESULT_BYTES) {
    void response.body?.cancel()
    throw new Error(tooManyBytesMessage(declared))
  }
  const reader = response.body?.getReader()
  if (!reader) return new Uint8Array(await response.arrayBuffer())
  const parts: Uint8Array[] = []
  let length = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    length += value.length
    if (length > MAX_RESULT_BYTES) {
      void reader.cancel()
      throw new Error(tooManyBytesMessage(length))
    }
    parts.push(value)
  }
  if (parts.length === 1) return parts[0]!
  const bytes = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    bytes.set(part, at)
    at += part.length
  }
  return bytes
}
