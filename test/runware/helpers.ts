import { createServer } from 'node:net'

import WebSocket from 'ws'

// Small shared pieces for the Runware client tests.

export const TASK_UUID = '0ee13cbd-6941-49fb-b5cc-90be6737ebea'
export const IMAGE_UUID = '1255868f-309b-4798-a01d-6ca7aa302f36'

/** The `ws` package's client, typed as the browser WebSocket the client expects. */
export const NodeWebSocket = WebSocket as unknown as typeof globalThis.WebSocket

/** A loopback port with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** Resolves when `check` holds, polling every 5 ms (for ordering, never for timing). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now()
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not reached')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
