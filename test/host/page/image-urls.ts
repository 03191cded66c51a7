// Object URLs for stored images, so the canvas shows an image fill as the very bytes the
// plugin handed to createImage. Looked up lazily by hash; the view redraws once ready.
import { readImageInfo } from '../../figma-fake/image-info'

/** Longest a new image waits for an idle moment before it is shown anyway. */
const IDLE_WAIT_MS = 250

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
    // Made when the page is idle: a Blob and its URL cost the page's main thread 5–15 ms per
    // 1440×1080 result (both wait on the browser process), and the plugin's sandbox runs on
    // that thread too, so a result arriving meanwhile would wait.
    requestIdleCallback(() => this.load(hash), { timeout: IDLE_WAIT_MS })
    return undefined
  }

  private load(hash: string): void {
    this.lookup(hash)
      .then((bytes) => {
        if (!bytes) return
        const type = MIME[readImageInfo(bytes).format] ?? 'application/octet-stream'
        this.urls.set(hash, URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type })))
        this.onReady()
      })
      .catch(() => undefined)
  }
}
