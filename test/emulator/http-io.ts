// HTTP plumbing shared by the REST endpoint and the image route: CORS, JSON bodies, byte
// accounting and the malformedBody fault.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorContext } from './context'

// Real CORS behaviour of api.runware.ai and im.runware.ai is unknown. The
// emulator allows any origin so the plugin UI, a null-origin iframe, can exercise the REST path
// in browser tests; the WebSocket stays the proven browser route.
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Runware-Dry-Run',
  'Access-Control-Max-Age': '600',
}

// The body size limit is undocumented; this only protects the emulator's memory.
const MAX_BODY_BYTES = 64 * 1024 * 1024

export class BodyTooLarge extends Error {}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge())
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Serialises a server payload, cut short when a malformedBody fault is pending. */
export function serialise(ctx: EmulatorContext, payload: unknown): string {
  const text = JSON.stringify(payload)
  if (!ctx.faults.take('malformedBody')) return text
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)))
}

export function sendJson(ctx: EmulatorContext, res: ServerResponse, status: number, payload: unknown): void {
  const body = Buffer.from(serialise(ctx, payload))
  ctx.stats.responseBytes += body.length
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json', 'Content-Length': body.length })
  res.end(body)
}
