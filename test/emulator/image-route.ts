// GET/HEAD /images/<imageUUID>.<ext>: the emulator's stand-in for im.runware.ai. A result is
// served until its ttl runs out, then answers 404.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from './context'
import { CORS_HEADERS } from './http-io'
import { MIME } from './image-formats'

export function handleImageRequest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse, pathname: string): void {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end()
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...CORS_HEADERS, Allow: 'GET, HEAD, OPTIONS' }).end()
    return
  }
  const match = /^\/images\/([0-9a-fA-F-]{36})\.([a-z]+)$/.exec(pathname)
  const image = match ? ctx.images.served(match[1]!, match[2]!, Date.now()) : undefined
  if (!image) {
    res.writeHead(404, { ...CORS_HEADERS, 'Content-Type': 'text/plain' }).end('Not found')
    return
  }
  // The truncatedDownload fault: a third of the image, its Content-Length matching, so the
  // transfer looks complete (as from a cache or proxy that stored a cut copy).
  const cut = req.method === 'GET' && ctx.faults.take('truncatedDownload')
  const bytes = cut ? image.bytes.subarray(0, Math.floor(image.bytes.length / 3)) : image.bytes
  if (cut) markDamaged(ctx, image.uuid)
  res.writeHead(200, {
    ...CORS_HEADERS,
    'Content-Type': MIME[image.format],
    'Content-Length': bytes.length,
    'Cache-Control': 'private, max-age=60',
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  ctx.stats.imageBytesServed += bytes.length
  res.end(bytes)
}

/** A result served cut is no longer one a client could place whole. */
function markDamaged(ctx: EmulatorContext, imageUUID: string): void {
  for (const result of ctx.results) if (result.imageUUID === imageUUID) result.intact = false
}
