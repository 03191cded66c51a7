// Images the emulator holds: uploads and generated results. A result is
// reachable by URL only while its ttl lasts, but stays usable as a reference image by
// UUID ("a previously uploaded image or a generated image") until memory pressure evicts it.
import { EXTENSION, type ImageFormat } from './image-formats'

export interface StoredImage {
  uuid: string
  bytes: Buffer
  format: ImageFormat
  /** Date.now() after which /images/ answers 404; 0 when never served by URL. */
  servedUntil: number
  kind: 'upload' | 'result'
}

// Enough for any test run and a long `npm start` session, without growing forever.
const MAX_RESULT_BYTES = 512 * 1024 * 1024

export class ImageStore {
  private images = new Map<string, StoredImage>()
  private resultBytes = 0

  put(image: StoredImage): void {
    this.images.set(image.uuid, image)
    if (image.kind !== 'result') return
    this.resultBytes += image.bytes.length
    for (const [uuid, old] of this.images) {
      if (this.resultBytes <= MAX_RESULT_BYTES) break
      if (old.kind !== 'result' || uuid === image.uuid) continue
      this.images.delete(uuid)
      this.resultBytes -= old.bytes.length
    }
  }

  get(uuid: string): StoredImage | undefined {
    return this.images.get(uuid.toLowerCase())
  }

  /** The image a `/images/<uuid>.<ext>` path names, if it is still served. */
  served(uuid: string, extension: string, now: number): StoredImage | undefined {
    const image = this.get(uuid)
    if (!image || EXTENSION[image.format] !== extension) return undefined
    return now < image.servedUntil ? image : undefined
  }
}
