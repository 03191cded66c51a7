// Tests send the same references again and again; laying them out is the costliest step of a
// render, so the last few canvases are kept, keyed by the reference bytes, tags and size.
import { createHash } from 'node:crypto'
import { prepareCanvas, type Canvas } from './render-result'

const KEEP = 6
const cache = new Map<string, Promise<Canvas>>()

export function cachedCanvas(references: { bytes: Buffer; tag?: string }[], width: number, height: number): Promise<Canvas> {
  const hash = createHash('sha1').update(`${width}x${height}`)
  for (const ref of references) hash.update(`|${ref.tag ?? ''}|${ref.bytes.length}|`).update(ref.bytes)
  const key = hash.digest('hex')
  const hit = cache.get(key)
  if (hit) {
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const canvas = prepareCanvas(references, width, height)
  cache.set(key, canvas)
  canvas.catch(() => cache.delete(key))
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!)
  return canvas
}
