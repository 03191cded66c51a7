// Shared by the emulator's own tests: sample images, a REST caller, a WebSocket client that
// queues frames, and a loopback receiver for webhooks and uploads.
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { WebSocket } from 'ws'
import type { Emulator } from './types'

// Test code reads deep into JSON replies; `any` keeps those reads short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>

export function solidImage(colour: { r: number; g: number; b: number }, width = 400, height = 300, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).toFormat(format).toBuffer()
}

export const RED = { r: 230, g: 20, b: 20 }
export const GREEN = { r: 20, g: 200, b: 40 }
export const BLUE = { r: 20, g: 40, b: 230 }

const dataUris = new Map<string, Promise<string>>()

/** A 400×300 solid-colour reference as a data URI, made once per colour and format. */
export function dataUri(colour = RED, format: 'png' | 'jpeg' | 'webp' = 'png'): Promise<string> {
  const key = `${colour.r},${colour.g},${colour.b},${format}`
  if (!dataUris.has(key)) {
    dataUris.set(key, solidImage(colour, 400, 300, format).then((bytes) => `data:image/${format};base64,${bytes.toString('base64')}`))
  }
  return dataUris.get(key)!
}

export async function inferenceTask(overrides: Json = {}): Promise<Json> {
  return {
    taskType: 'imageInference',
    taskUUID: randomUUID(),
    model: 'runway:4@2',
    positivePrompt: 'A red lighthouse on a cliff at dusk',
    width: 720,
    height: 720,
    inputs: { referenceImages: [await dataUri()] },
    outputType: 'base64Data',
    ...overrides,
  }
}

export interface RestReply { status: number; headers: Headers; body: Json; text: string }

export async function post(emu: Emulator, tasks: unknown, init: { key?: string | null; headers?: Record<string, string> } = {}): Promise<RestReply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers }
  const key = init.key === undefined ? emu.apiKey : init.key
  if (key !== null) headers.Authorization = `Bearer ${key}`
  const response = await fetch(`${emu.url}/v1`, {
    method: 'POST',
    headers,
    body: typeof tasks === 'string' ? tasks : JSON.stringify(tasks),
  })
  const text = await response.text()
  let body: Json = {}
  try {
    body = JSON.parse(text) as Json
  } catch {
    // Left empty: the malformedBody tests read `text`.
  }
  return { status: response.status, headers: response.headers, body, text }
}

export function decodeResult(item: Json): Buffer {
  if (typeof item.imageBase64Data === 'string') return Buffer.from(item.imageBase64Data, 'base64')
  if (typeof item.imageDataURI === 'string') return Buffer.from(item.imageDataURI.split(',')[1], 'base64')
  throw new Error('result carries no inline image')
}

/** Mean RGB of a rectangle, as fractions of width/height. */
export async function meanColour(image: Buffer, region: { x: number; y: number; w: number; h: number }): Promise<[number, number, number]> {
  const meta = await sharp(image).metadata()
  const W = meta.width!
  const H = meta.height!
  // stats() would describe the whole input, not the extracted area, so the mean is taken here.
  const { data, info } = await sharp(image)
    .extract({ left: Math.round(region.x * W), top: Math.round(region.y * H), width: Math.round(region.w * W), height: Math.round(region.h * H) })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const sums = [0, 0, 0]
  for (let i = 0; i < data.length; i += info.channels) for (let c = 0; c < 3; c++) sums[c]! += data[i + c]!
  const pixels = data.length / info.channels
  return [sums[0]! / pixels, sums[1]! / pixels, sums[2]! / pixels]
}

export class WsClient {
  readonly frames: Json[] = []
  readonly raw: string[] = []
  private waiters: (() => void)[] = []
  readonly closed: Promise<{ code: number; reason: string }>
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const text = data.toString()
      this.raw.push(text)
      try {
        this.frames.push(JSON.parse(text) as Json)
      } catch {
        this.frames.push({ unparsable: text })
      }
      this.waiters.splice(0).forEach((wake) => wake())
    })
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  }

  static open(url: string): Promise<WsClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url)
      const client = new WsClient(socket)
      socket.once('open', () => resolve(client))
      socket.once('error', reject)
    })
  }

  send(tasks: unknown): void {
    this.socket.send(typeof tasks === 'string' ? tasks : JSON.stringify(tasks))
  }

  /** Waits until `count` frames have arrived in total, then returns them all. */
  async waitFrames(count: number, timeoutMs = 5000): Promise<Json[]> {
    const deadline = Date.now() + timeoutMs
    while (this.frames.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} frames, got ${this.frames.length}: ${JSON.stringify(this.frames).slice(0, 400)}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 50)
      })
    }
    return this.frames.slice(0, count)
  }

  async authenticate(apiKey: string, connectionSessionUUID?: string): Promise<string> {
    const before = this.frames.length
    this.send([{ taskType: 'authentication', apiKey, ...(connectionSessionUUID ? { connectionSessionUUID } : {}) }])
    const frames = await this.waitFrames(before + 1)
    return frames[before]!.data[0].connectionSessionUUID as string
  }

  close(): void {
    this.socket.terminate()
  }
}

export interface Received { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer }

export async function startReceiver(status = 200): Promise<{ url: string; received: Received[]; statuses: number[]; close(): Promise<void> }> {
  const received: Received[] = []
  const statuses: number[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) })
      const answer = statuses.shift() ?? status
      res.writeHead(answer).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    statuses,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

export async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** A loopback host for one image, standing in for a public image URL. */
export async function startImageHost(bytes: Buffer, mime: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.url === '/missing.png') return void res.writeHead(404).end()
    res.writeHead(200, { 'Content-Type': mime, 'Content-Length': bytes.length }).end(bytes)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}
