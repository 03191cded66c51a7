// What the emulator sent the UI, read off the wire (WebSocket frames and REST responses), so
// a test can prove the images in the document are byte for byte the emulator's.
import { createHash } from 'node:crypto'
import type { Page } from 'playwright-core'

export interface DeliveredImage {
  imageUUID: string
  sha1: string
}

function imagesIn(text: string): DeliveredImage[] {
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return []
  }
  const data = (body as { data?: unknown }).data
  if (!Array.isArray(data)) return []
  const out: DeliveredImage[] = []
  for (const item of data as Array<Record<string, unknown>>) {
    const encoded =
      typeof item.imageDataURI === 'string' ? item.imageDataURI.slice(item.imageDataURI.indexOf(',') + 1) : typeof item.imageBase64Data === 'string' ? item.imageBase64Data : null
    if (typeof item.imageUUID === 'string' && encoded) {
      out.push({ imageUUID: item.imageUUID, sha1: createHash('sha1').update(Buffer.from(encoded, 'base64')).digest('hex') })
    }
  }
  return out
}

/** Starts recording; the returned list fills as results arrive. */
export function recordDeliveredImages(page: Page, emulatorUrl: string): DeliveredImage[] {
  const delivered: DeliveredImage[] = []
  page.on('websocket', (socket) => {
    if (!socket.url().startsWith(emulatorUrl.replace(/^http/, 'ws'))) return
    socket.on('framereceived', ({ payload }) => delivered.push(...imagesIn(String(payload))))
  })
  page.on('response', (response) => {
    if (!response.url().startsWith(emulatorUrl) || response.request().method() !== 'POST') return
    response.text().then((text) => delivered.push(...imagesIn(text)), () => undefined)
  })
  return delivered
}
