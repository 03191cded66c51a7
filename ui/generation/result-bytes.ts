import { decodeBase64, decodeDataUri } from '../image/data-uri'
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
    return new Uint8Array(await response.arrayBuffer())
  } finally {
    clearTimeout(timer)
  }
}
