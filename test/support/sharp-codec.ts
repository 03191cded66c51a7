import sharp from 'sharp'

import type { ImageCodec, ImageSource, RenderPlan } from '../../ui/image/image-codec'

// The UI's pixel work (letterbox, JPEG re-encode, WEBP → PNG) done with sharp, so the Node
// integration test runs the real image pipeline decisions on real bytes. In the browser the
// same interface is served by canvas (ui/image/canvas-codec.ts).

export const sharpCodec: ImageCodec = {
  async measure(source: ImageSource) {
    const meta = await sharp(source.bytes).metadata()
    return { width: meta.width ?? 0, height: meta.height ?? 0 }
  },
  async render(source: ImageSource, plan: RenderPlan) {
    const drawn = await sharp(source.bytes).resize(Math.round(plan.drawWidth), Math.round(plan.drawHeight), { fit: 'fill' }).png().toBuffer()
    const canvas = sharp({
      create: {
        width: plan.width,
        height: plan.height,
        channels: 4,
        background: plan.background ?? { r: 0, g: 0, b: 0, alpha: plan.format === 'jpeg' ? 1 : 0 },
      },
    }).composite([{ input: drawn, left: Math.round(plan.x), top: Math.round(plan.y) }])
    const encoded =
      plan.format === 'jpeg' ? canvas.jpeg({ quality: Math.round((plan.quality ?? 0.9) * 100) }) : canvas.png()
    return new Uint8Array(await encoded.toBuffer())
  },
}
