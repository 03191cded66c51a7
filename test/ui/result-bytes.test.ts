import { afterEach, describe, expect, it, vi } from 'vitest'

import { fetchImageBytes } from '../../ui/generation/result-bytes'
import { MAX_RESULT_BYTES } from '../../ui/runware/result-bounds'

// The iframe's download of a URL result reads no further than the byte bound.

function streamOf(chunks: number, chunkBytes: number): { body: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close()
      pulled++
      controller.enqueue(new Uint8Array(chunkBytes))
    },
  })
  return { body, pulled: () => pulled }
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('fetchImageBytes', () => {
  it('reads a body in parts and joins them', async () => {
    const { body } = streamOf(3, 1000)
    vi.stubGlobal('fetch', async () => new Response(body))
    expect((await fetchImageBytes('http://127.0.0.1/a.png')).length).toBe(3000)
  })

  it('stops reading a body without a length once it passes the bound', async () => {
    const chunk = 1024 * 1024
    const { body, pulled } = streamOf(100, chunk)
    vi.stubGlobal('fetch', async () => new Response(body))
    await expect(fetchImageBytes('http://127.0.0.1/a.png')).rejects.toThrow(/larger than the plugin accepts/)
    expect(pulled()).toBeLessThanOrEqual(MAX_RESULT_BYTES / chunk + 2)
  })

  it('refuses a declared length over the bound without reading the body', async () => {
    const { body, pulled } = streamOf(100, 1024)
    vi.stubGlobal('fetch', async () => new Response(body, { headers: { 'Content-Length': String(MAX_RESULT_BYTES + 1) } }))
    await expect(fetchImageBytes('http://127.0.0.1/a.png')).rejects.toThrow(/larger than the plugin accepts \(20 MB\)/)
    expect(pulled()).toBeLessThanOrEqual(1)
  })
})
