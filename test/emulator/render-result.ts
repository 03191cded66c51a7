// Results are real images (the doubles model the real thing, not only what passes): each
// reference is cover-fitted into its own vertical band, the whole is tinted by the result's
// seed, and a caption shows the prompt's first words, the size, the result number and the seed,
// so a person looking at a result can tell which references and size produced it.
import sharp, { type Sharp } from 'sharp'
import type { ImageFormat } from './image-formats'
import { blendSvg, captionSvg, labelsSvg, promptHeadline, type Band } from './svg-overlays'
import { addTint, darken } from './tint'

export interface Canvas {
  width: number
  height: number
  /** RGB pixels, 3 bytes each, band labels drawn, scaled by darken() to leave room for a tint. */
  raw: Buffer
  bands: Band[]
}

export interface RenderSpec {
  seed: number
  index: number
  prompt: string
  format: ImageFormat
  quality: number
}

/** Lays the references out once per task; every result of the task starts from this. */
export async function prepareCanvas(references: { bytes: Buffer; tag?: string }[], width: number, height: number): Promise<Canvas> {
  const share = Math.floor(width / references.length)
  const bands = references.map((ref, i): Band => {
    const left = i * share
    const bandWidth = i === references.length - 1 ? width - left : share
    return { left, width: bandWidth, label: ref.tag ? `@${ref.tag} · ref ${i + 1}` : `ref ${i + 1}` }
  })
  const pixels = await Promise.all(references.map((ref, i) =>
    sharp(ref.bytes)
      // Bilinear is plenty for a preview double and far cheaper than lanczos when upscaling.
      .resize(bands[i]!.width, height, { fit: 'cover', kernel: 'linear' })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .raw()
      .toBuffer()))
  const raw = Buffer.alloc(width * height * 3)
  pixels.forEach((band, i) => {
    const { left, width: bandWidth } = bands[i]!
    const rowBytes = bandWidth * 3
    for (let y = 0; y < height; y++) band.copy(raw, (y * width + left) * 3, y * rowBytes, (y + 1) * rowBytes)
  })
  const labelHeight = Math.max(28, Math.round(Math.min(width, height) * 0.05))
  await blendSvg(raw, width, labelsSvg(width, labelHeight, bands), 0)
  darken(raw)
  return { width, height, raw, bands }
}

/** A saturated colour picked by the seed; the golden angle spreads neighbouring seeds apart. */
export function seedColour(seed: number): [number, number, number] {
  const hue = (seed * 137.508) % 360
  const f = (n: number) => {
    const k = (n + hue / 30) % 12
    return Math.round(255 * (0.5 - 0.5 * Math.max(-1, Math.min(k - 3, 9 - k, 1))))
  }
  return [f(0), f(8), f(4)]
}

// Full-frame scratch buffers are reused: allocating 6 MB per result costs more in page faults
// than the copy itself. A few per size cover the results rendered at the same time.
const scratch = new Map<number, Buffer[]>()
const SCRATCH_PER_SIZE = 3

function borrow(size: number): Buffer {
  return scratch.get(size)?.pop() ?? Buffer.allocUnsafe(size)
}

function giveBack(buffer: Buffer): void {
  const free = scratch.get(buffer.length) ?? []
  if (free.length < SCRATCH_PER_SIZE) free.push(buffer)
  scratch.set(buffer.length, free)
}

function encode(image: Sharp, spec: RenderSpec): Promise<Buffer> {
  // Huffman optimisation triples the JPEG encode time for a few per cent of size.
  if (spec.format === 'jpeg') return image.jpeg({ quality: spec.quality, optimiseCoding: false }).toBuffer()
  // PNG is lossless, so outputQuality has nothing to act on; light compression keeps it quick.
  if (spec.format === 'png') return image.png({ compressionLevel: 2 }).toBuffer()
  return image.webp({ quality: spec.quality, effort: 0 }).toBuffer()
}

export async function renderResult(canvas: Canvas, spec: RenderSpec): Promise<Buffer> {
  const { width, height } = canvas
  const raw = borrow(canvas.raw.length)
  try {
    // 22 % of the seed colour over the picture: results of one task differ visibly while each
    // band keeps its reference's own hue. The caption goes on top, untinted, to stay legible.
    addTint(canvas.raw, raw, seedColour(spec.seed))
    const stripHeight = Math.max(40, Math.round(Math.min(width, height) * 0.11))
    const meta = `${width}×${height} · #${spec.index + 1} · seed ${spec.seed}`
    await blendSvg(raw, width, captionSvg(width, stripHeight, promptHeadline(spec.prompt), meta), height - stripHeight)
    return await encode(sharp(raw, { raw: { width, height, channels: 3 } }), spec)
  } finally {
    giveBack(raw)
  }
}
