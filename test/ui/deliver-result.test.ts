import { describe, expect, it } from 'vitest'

import type { GenerationRecord } from '../../src/common/generation-record'
import { withTransferableBytes } from '../../ui/bridge/transferable-bytes'
import { deliverResult, type DeliverBridge } from '../../ui/generation/deliver-result'
import { encodeBase64, toDataUri } from '../../ui/image/data-uri'
import type { ImagePipeline } from '../../ui/image/image-pipeline'
import { MAX_RESULT_BYTES } from '../../ui/runware/result-bounds'
import type { InferenceResult } from '../../ui/runware/types'

// A placed result's bytes go to the sandbox in a transfer list, which empties them in the UI;
// History still reads them after the run for its thumbnail.

// signature, four bytes of body, the end chunk: whole as far as the completeness check reads
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])
const record = {} as GenerationRecord

/** Posts as the window port does, through a structured clone that honours the transfer list. */
function transferringBridge(received: Uint8Array[], urls: string[] = []): DeliverBridge {
  return {
    async placeResultUrl(body) {
      urls.push(body.url)
      return { nodeId: `node-${body.index}` }
    },
    async placeResult(body) {
      const { message, transfer } = withTransferableBytes(body)
      received.push((structuredClone(message, { transfer }) as typeof body).image)
      return { nodeId: `node-${body.index}` }
    },
  }
}

const passThrough: ImagePipeline = {
  prepareReference: () => Promise.reject(new Error('not used')),
  prepareResult: async (bytes) => ({ bytes, format: 'PNG', transcoded: false }),
}

const result = (image: Partial<InferenceResult>): InferenceResult => ({ taskUUID: 't', imageUUID: 'i', ...image })

async function deliver(image: Partial<InferenceResult>, options: { pipeline?: ImagePipeline; fetched?: Uint8Array; urls?: string[] } = {}) {
  const received: Uint8Array[] = []
  const fetchBytes = async () => options.fetched ?? new Uint8Array(0)
  const placed = await deliverResult(
    { bridge: transferringBridge(received, options.urls), pipeline: options.pipeline ?? passThrough, fetchBytes },
    { runId: 'run', index: 0, result: result(image), record },
  )
  return { placed, received }
}

describe('a placed result, read again for History', () => {
  it('is decoded again from a data URI result after its bytes went to the sandbox', async () => {
    const { placed, received } = await deliver({ imageDataURI: toDataUri(PNG, 'image/png') })
    expect([...received[0]!]).toEqual([...PNG])
    expect([...(await placed.readImage!())]).toEqual([...PNG])
  })

  it('is decoded again from base64 output', async () => {
    const { placed } = await deliver({ imageBase64Data: encodeBase64(PNG) })
    expect([...(await placed.readImage!())]).toEqual([...PNG])
  })

  it('is a copy kept before posting when it was downloaded, so nothing is fetched twice', async () => {
    const fetched = PNG.slice()
    const { placed, received } = await deliver({ imageURL: 'https://im.runware.ai/a.png' }, { fetched })
    expect(fetched.byteLength).toBe(0) // handed over to the sandbox
    expect([...received[0]!]).toEqual([...PNG])
    expect([...(await placed.readImage!())]).toEqual([...PNG])
  })

  it('is the bytes as received when the pipeline redrew them for Figma', async () => {
    const redrawn = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 9, 9])
    const pipeline: ImagePipeline = { ...passThrough, prepareResult: async () => ({ bytes: redrawn, format: 'PNG', transcoded: true }) }
    const fetched = PNG.slice()
    const { placed, received } = await deliver({ imageURL: 'https://im.runware.ai/a.webp' }, { pipeline, fetched })
    expect([...received[0]!]).toEqual([0x89, 0x50, 0x4e, 0x47, 9, 9])
    expect(await placed.readImage!()).toBe(fetched)
  })
})

describe('a downloaded result is checked before it goes anywhere', () => {
  it('refuses a download cut short as damaged, and does not hand its URL to Figma instead', async () => {
    const urls: string[] = []
    const cut = PNG.slice(0, 12)
    const delivered = deliver({ imageURL: 'https://im.runware.ai/a.png' }, { fetched: cut, urls })
    await expect(delivered).rejects.toThrow('This image arrived damaged. Generate it again.')
    expect(urls).toEqual([])
  })

  it('refuses a download over the byte bound before the pipeline reads it', async () => {
    const big = new Uint8Array(MAX_RESULT_BYTES + 1)
    big.set(PNG.subarray(0, 8))
    big.set(PNG.subarray(-12), big.length - 12)
    let read = false
    const pipeline: ImagePipeline = { ...passThrough, prepareResult: async (bytes) => ((read = true), { bytes, format: 'PNG', transcoded: false }) }
    await expect(deliver({ imageURL: 'https://im.runware.ai/a.png' }, { fetched: big, pipeline })).rejects.toThrow(/larger than the plugin accepts \(20 MB\)/)
    expect(read).toBe(false)
  })
})
