// The pixel work the plugin needs (padding, re-encoding, transcoding) behind one small
// interface: the browser does it with canvas, tests with a fake, and everything that decides
// *what* to draw stays pure and testable.

export interface ImageSource {
  bytes: Uint8Array
  mime: string
}

export interface RenderPlan {
  /** Output canvas size in pixels. */
  width: number
  height: number
  /** Where the source is drawn, and how big (it is scaled to this box). */
  x: number
  y: number
  drawWidth: number
  drawHeight: number
  format: 'png' | 'jpeg'
  /** JPEG quality, 0–1. */
  quality?: number
  /** Painted under the image; transparent when absent (PNG only: JPEG has no alpha). */
  background?: string
}

export interface ImageCodec {
  /** The decoded pixel size, for images whose header the sniffer could not read. */
  measure(source: ImageSource): Promise<{ width: number; height: number }>
  render(source: ImageSource, plan: RenderPlan): Promise<Uint8Array>
}
