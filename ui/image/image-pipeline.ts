import { dataUriLength } from './data-uri'
import type { ImageCodec, ImageSource, RenderPlan } from './image-codec'
import { letterbox } from './letterbox'
import { isHeavyPng, MAX_REFERENCE_DATA_URI } from './reference-limits'
import { mimeOf, type ImageFormat } from '../../src/common/image-format'
import { readImageInfo } from './image-info'
import { tooManyPixelsMessage } from '../runware/result-bounds'

// Makes references acceptable to Runway and results acceptable to Figma. Decisions come from
// the headers (pure); only the drawing goes through the injected codec.

/** figma.createImage refuses images with a side over 4096 px. */
export const MAX_FIGMA_IMAGE_SIDE = 4096
/** Padding colour: frames are usually on white, and JPEG cannot keep transparent bars. */
export const LETTERBOX_FILL = '#ffffff'
/** Tried in order until the JPEG fits under the data URI limit. */
const JPEG_QUALITIES = [0.92, 0.85, 0.75, 0.6, 0.45]

export interface PreparedReference {
  bytes: Uint8Array
  mime: string
  padded: boolean
  reencoded: boolean
}

export interface PreparedResult {
  bytes: Uint8Array
  format: 'PNG' | 'JPEG' | 'GIF'
  transcoded: boolean
}

export interface ImagePipeline {
  prepareReference(bytes: Uint8Array): Promise<PreparedReference>
  prepareResult(bytes: Uint8Array): Promise<PreparedResult>
}

async function sizeOf(codec: ImageCodec, source: ImageSource, info: { width?: number; height?: number }) {
  if (info.width && info.height) return { width: info.width, height: info.height }
  return codec.measure(source)
}

function fits(bytes: Uint8Array, mime: string): boolean {
  return dataUriLength(bytes.length, mime) <= MAX_REFERENCE_DATA_URI
}

export function createImagePipeline(codec: ImageCodec): ImagePipeline {
  async function prepareReference(bytes: Uint8Array): Promise<PreparedReference> {
    const info = readImageInfo(bytes)
    if (!info) throw new Error('This reference is not a PNG, JPEG, GIF or WEBP image')
    const source = { bytes, mime: mimeOf(info.format) }
    const size = await sizeOf(codec, source, info)
    const box = letterbox(size.width, size.height)
    const base = { width: box.width, height: box.height, x: box.x, y: box.y, drawWidth: size.width, drawHeight: size.height }
    // GIF is not a reference format Runway lists; redraw it as PNG like a padded image
    const mustRedraw = box.padded || info.format === 'GIF'
    let out = source
    if (mustRedraw) {
      const plan: RenderPlan = { ...base, format: 'png', background: LETTERBOX_FILL }
      out = { bytes: await codec.render(source, plan), mime: 'image/png' }
    }
    const heavy = out.mime === 'image/png' && isHeavyPng(out.bytes.length)
    if (!heavy && fits(out.bytes, out.mime)) return { ...out, padded: box.padded, reencoded: false }
    for (const quality of JPEG_QUALITIES) {
      const jpeg = await codec.render(source, { ...base, format: 'jpeg', quality, background: LETTERBOX_FILL })
      // a heavy PNG that fits is only swapped for a JPEG that is really lighter
      if (heavy && fits(out.bytes, out.mime) && jpeg.length >= out.bytes.length) break
      if (fits(jpeg, 'image/jpeg')) return { bytes: jpeg, mime: 'image/jpeg', padded: box.padded, reencoded: true }
    }
    if (fits(out.bytes, out.mime)) return { ...out, padded: box.padded, reencoded: false }
    throw new Error('This reference is too heavy to send, even as a JPEG. Try a smaller frame.')
  }

  async function prepareResult(bytes: Uint8Array): Promise<PreparedResult> {
    const info = readImageInfo(bytes)
    if (!info) throw new Error('Runware sent an image the plugin could not read')
    // refused before anything decodes it: a header can declare far more pixels than memory holds
    const tooMany = tooManyPixelsMessage({ width: info.width ?? 0, height: info.height ?? 0 })
    if (tooMany) throw new Error(tooMany)
    const accepted: readonly ImageFormat[] = ['PNG', 'JPEG', 'GIF']
    const tooBig = (info.width ?? 0) > MAX_FIGMA_IMAGE_SIDE || (info.height ?? 0) > MAX_FIGMA_IMAGE_SIDE
    if (accepted.includes(info.format) && !tooBig) {
      return { bytes, format: info.format as PreparedResult['format'], transcoded: false }
    }
    const source = { bytes, mime: mimeOf(info.format) }
    const size = await sizeOf(codec, source, info)
    // the node is filled at the requested size anyway, so scaling down loses nothing visible
    const scale = Math.min(1, MAX_FIGMA_IMAGE_SIDE / Math.max(size.width, size.height))
    const width = Math.max(1, Math.round(size.width * scale))
    const height = Math.max(1, Math.round(size.height * scale))
    const png = await codec.render(source, { width, height, x: 0, y: 0, drawWidth: width, drawHeight: height, format: 'png' })
    return { bytes: png, format: 'PNG', transcoded: true }
  }

  return { prepareReference, prepareResult }
}
