// Object URLs for stored images, so the canvas shows an image fill as the very bytes the
// plugin handed to createImage. Looked up lazily by hash; the view redraws once ready.
import { readImageInfo } from '../../figma-fake/image-info'

const MIME: Record<string, string> = { PNG: 'image/png', JPEG: 'image/jpeg', GIF: 'image/gif', WEBP: 'image/webp' }

export class ImageUrls {
  private readonly urls = new Map<string, string | null>()

  constructor(
    private readonly lookup: (hash: string) => Promise<Uint8Array | null>,
    private readonly onReady: () => void,
  ) {}

  /** Whether the URL for a hash is ready (so a drawing of it is complete). */
  ready(hash: string): boolean {
    return Boolean(this.urls.get(hash))
  }

  /** The URL for a hash, or undefined while its bytes are being read. */
  get(hash: string): string | undefined {
    if (this.urls.has(hash)) return this.urls.get(hash) ?? undefined
    this.urls.set(hash, null)
    this.lookup(hash)
      .then((bytes) => {
        if (!bytes) return
        const type = MIME[readImageInfo(bytes).format] ?? 'application/octet-stream'
        this.urls.set(hash, URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })))
        this.onReady()
      })
      .catch(() => undefined)
    return undefined
  }
}
