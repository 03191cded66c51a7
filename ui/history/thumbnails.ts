import { MAX_THUMBNAIL_BYTES } from '../../src/common/history'
import type { ImageCodec, RenderPlan } from '../image/image-codec'
import { mimeOf } from '../../src/common/image-format'
import { readImageInfo } from '../image/image-info'

// Small JPEG thumbnails for History, made here because only the iframe can decode and encode
// pixels. ~96 px on the longest side keeps a run's four thumbnails near 10 kB.

export const THUMBNAIL_SIDE = 96
const THUMBNAIL_QUALITY = 0.7

export function thumbnailPlan(width: number, height: number): RenderPlan {
  const scale = THUMBNAIL_SIDE / Math.max(width, height, 1)
  const w = Math.max(1, Math.round(width * scale))
  const h = Math.max(1, Math.round(height * scale))
  // JPEG has no alpha: a white ground, like the canvas the image came from
  return { width: w, height: h, x: 0, y: 0, drawWidth: w, drawHeight: h, format: 'jpeg', quality: THUMBNAIL_QUALITY, background: '#ffffff' }
}

/** A thumbnail of a placed image, or null when it cannot be made small enough. */
export async function makeThumbnail(codec: ImageCodec, bytes: Uint8Array, size: { width: number; height: number }): Promise<Uint8Array | null> {
  const info = readImageInfo(bytes)
  try {
    const thumb = await codec.render({ bytes, mime: info ? mimeOf(info.format) : 'image/png' }, thumbnailPlan(size.width, size.height))
    return thumb.length > 0 && thumb.length <= MAX_THUMBNAIL_BYTES ? thumb : null
  } catch (error) {
    // A thumbnail is a nicety: the run still goes into History without it.
    console.warn('thumbnail not made:', error)
    return null
  }
}
