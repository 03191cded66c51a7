// Deliveries the task itself makes: webhook POSTs (one POST per completed
// item, shaped like a sync response, retried until the endpoint answers 2xx) and
// uploadEndpoint PUTs of the raw image bytes. Both run in the background; a failed delivery
// never changes what the client receives.
import type { EmulatorContext } from './context'

const ATTEMPTS = 3
const RETRY_DELAY_MS = 100
const REQUEST_TIMEOUT_MS = 10_000

async function attempt(ctx: EmulatorContext, url: string, init: RequestInit): Promise<void> {
  for (let n = 1; n <= ATTEMPTS && !ctx.life.closed; n++) {
    const { signal, release } = ctx.life.signal(REQUEST_TIMEOUT_MS)
    try {
      const response = await fetch(url, { ...init, signal })
      await response.arrayBuffer()
      if (response.ok) return
    } catch {
      // Unreachable endpoints are retried like failing ones.
    } finally {
      release()
    }
    if (n < ATTEMPTS) await ctx.life.delay(RETRY_DELAY_MS * n).catch(() => undefined)
  }
}

export function postWebhook(ctx: EmulatorContext, url: string, payload: Record<string, unknown>): void {
  void attempt(ctx, url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  })
}

export function putUpload(ctx: EmulatorContext, url: string, bytes: Buffer, mime: string): void {
  void attempt(ctx, url, { method: 'PUT', headers: { 'Content-Type': mime }, body: Uint8Array.from(bytes) })
}
