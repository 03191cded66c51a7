// The document's image store behind figma.createImage / createImageAsync / getImageByHash.
// Data must be PNG, JPEG or GIF, at most 4096 px in width and height;
// invalid images throw 'Image is too small', 'Image is too large' or 'Image type is
// unsupported' (WEBP is unsupported). Image is { hash, getBytesAsync, getSizeAsync }, not a
// node. Invalid images throw: beyond the header, bytes that do not decode (an image cut short,
// a broken chunk) are refused with 'Image is invalid' (image-decode.ts), as Figma refuses an
// image it cannot decode; Figma's own wording for that case is not documented.
import { assertDecodable } from './image-decode'
import { readImageInfo, type ImageInfo } from './image-info'
import { sha1Hex } from './sha1'

export const MAX_IMAGE_SIDE = 4096

export interface StoredImage {
  readonly hash: string
  readonly bytes: Uint8Array
  readonly info: ImageInfo
}

// Checks bytes the way createImage does; returns the header info of an acceptable image.
export function checkImageBytes(data: unknown): ImageInfo {
  if (!(data instanceof Uint8Array)) throw new TypeError('in createImage: Expected a Uint8Array of PNG, JPEG or GIF bytes')
  const info = readImageInfo(data)
  if (info.format !== 'PNG' && info.format !== 'JPEG' && info.format !== 'GIF') throw new Error('Image type is unsupported')
  // Figma does not document the lower bound; the fake treats a header without a usable size
  // (truncated, or zero-sized) as too small.
  if (info.width < 1 || info.height < 1) throw new Error('Image is too small')
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) throw new Error('Image is too large')
  assertDecodable(data, info)
  return info
}

export class ImageStore {
  private readonly images = new Map<string, StoredImage>()

  add(data: unknown): Image {
    const info = checkImageBytes(data)
    const bytes = new Uint8Array(data as Uint8Array)
    const hash = sha1Hex(bytes)
    if (!this.images.has(hash)) this.images.set(hash, { hash, bytes, info })
    return this.image(hash)!
  }

  has(hash: string): boolean {
    return this.images.has(hash)
  }

  get(hash: string): StoredImage | undefined {
    return this.images.get(hash)
  }

  image(hash: string): Image | null {
    const stored = this.images.get(hash)
    return stored ? imageHandle(stored) : null
  }

  all(): StoredImage[] {
    return [...this.images.values()]
  }
}

function imageHandle(stored: StoredImage): Image {
  return Object.freeze({
    hash: stored.hash,
    getBytesAsync: async () => new Uint8Array(stored.bytes),
    getSizeAsync: async () => ({ width: stored.info.width, height: stored.info.height }),
  })
}

// createImageAsync(url): fetch through the injected fetcher, then the same checks. A fetch
// failure rejects with the fetcher's error; Figma adds CSP/CORS rules the fake does not model.
export async function createImageFromUrl(store: ImageStore, url: unknown, fetchImage: (url: string) => Promise<Uint8Array>): Promise<Image> {
  if (typeof url !== 'string') throw new TypeError('in createImageAsync: Expected a URL string')
  const bytes = await fetchImage(url)
  return store.add(bytes)
}
