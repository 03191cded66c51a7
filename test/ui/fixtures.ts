import { DEFAULT_SETTINGS, type Settings } from '../../ui/state/settings'
import type { GenerationRecord } from '../../src/common/generation-record'
import type { ReferenceMeta } from '../../src/common/protocol'
import type { ImageCodec, RenderPlan } from '../../ui/image/image-codec'

// Byte-level stand-ins for images: real headers (so sniffing and size reading work on them)
// followed by filler, sized as a test needs.

/** A PNG header of that size and its end chunk (no pixels): whole as far as a header-and-tail check sees. */
export function fakePng(width: number, height: number, totalBytes = 64): Uint8Array {
  const bytes = new Uint8Array(Math.max(totalBytes, 45))
  bytes.set([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82], bytes.length - 12)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 0)
  bytes.set([0x49, 0x48, 0x44, 0x52], 12)
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, height)
  return bytes
}

export function fakeJpeg(width: number, height: number, totalBytes = 64): Uint8Array {
  const bytes = new Uint8Array(Math.max(totalBytes, 42))
  bytes.set([0xff, 0xd9], bytes.length - 2) // the end marker
  // SOI, an APP0 segment of 16 bytes, then SOF0 with the size
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 0)
  bytes.set([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff], 20)
  return bytes
}

export function fakeWebp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(40)
  const text = (at: number, s: string) => bytes.set(Array.from(s, (c) => c.charCodeAt(0)), at)
  text(0, 'RIFF')
  text(8, 'WEBP')
  text(12, 'VP8X')
  const w = width - 1
  const h = height - 1
  bytes.set([w & 0xff, (w >> 8) & 0xff, (w >> 16) & 0xff, h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff], 24)
  return bytes
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

export function dataUri(bytes: Uint8Array, mime = 'image/png'): string {
  return `data:${mime};base64,${toBase64(bytes)}`
}

/** A codec that "draws" by producing a header of the planned size; records every plan. */
export function fakeCodec(options: { jpegBytes?: (quality: number) => number } = {}) {
  const plans: RenderPlan[] = []
  const codec: ImageCodec = {
    async measure() {
      return { width: 100, height: 100 }
    },
    async render(_source, plan) {
      plans.push(plan)
      if (plan.format === 'jpeg') return fakeJpeg(plan.width, plan.height, options.jpegBytes?.(plan.quality ?? 1) ?? 64)
      return fakePng(plan.width, plan.height)
    },
  }
  return { codec, plans }
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides }
}

export function referenceMeta(nodeId: string, pixelWidth = 800, pixelHeight = 600, name = `Frame ${nodeId}`, kind: ReferenceMeta['kind'] = 'frame'): ReferenceMeta {
  return { nodeId, name, width: pixelWidth, height: pixelHeight, pixelWidth, pixelHeight, kind }
}

export function record(overrides: Partial<GenerationRecord> = {}): GenerationRecord {
  return {
    version: 1,
    runId: 'run-1',
    index: 0,
    prompt: 'Foggy harbour at dawn',
    width: 1280,
    height: 720,
    model: 'runway:4@2',
    seed: 4242,
    taskUUID: 'task-1',
    imageUUID: 'image-1',
    cost: 0.02,
    outputFormat: 'JPG',
    referenceNodeIds: ['1:2'],
    createdAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  }
}
