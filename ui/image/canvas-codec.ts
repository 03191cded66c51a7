import type { ImageCodec, ImageSource, RenderPlan } from './image-codec'

// The browser's ImageCodec. Decoding and encoding pixels needs canvas, which only the UI
// iframe has (the sandbox cannot), so every transcode happens here before bytes go back.

interface Drawable {
  image: CanvasImageSource
  width: number
  height: number
  release(): void
}

function blobOf(source: ImageSource): Blob {
  // copy into a plain ArrayBuffer-backed view: Blob refuses shared buffers
  return new Blob([new Uint8Array(source.bytes)], { type: source.mime })
}

async function decode(source: ImageSource): Promise<Drawable> {
  if (typeof createImageBitmap === 'function') {
    const bitmap = await createImageBitmap(blobOf(source))
    return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() }
  }
  const url = URL.createObjectURL(blobOf(source))
  const img = new Image()
  try {
    img.src = url
    await img.decode()
  } catch (error) {
    URL.revokeObjectURL(url)
    throw error
  }
  return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) }
}

async function encode(canvas: HTMLCanvasElement | OffscreenCanvas, type: string, quality?: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality })
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded'))), type, quality)
  })
}

function makeCanvas(width: number, height: number): HTMLCanvasElement | OffscreenCanvas {
  if (typeof OffscreenCanvas === 'function') return new OffscreenCanvas(width, height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  return canvas
}

export function createCanvasCodec(): ImageCodec {
  return {
    async measure(source) {
      const drawable = await decode(source)
      drawable.release()
      return { width: drawable.width, height: drawable.height }
    },
    async render(source: ImageSource, plan: RenderPlan) {
      const drawable = await decode(source)
      try {
        const canvas = makeCanvas(plan.width, plan.height)
        const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null
        if (!context) throw new Error('Canvas is not available to convert the image')
        if (plan.background) {
          context.fillStyle = plan.background
          context.fillRect(0, 0, plan.width, plan.height)
        }
        context.imageSmoothingQuality = 'high'
        context.drawImage(drawable.image, plan.x, plan.y, plan.drawWidth, plan.drawHeight)
        const type = plan.format === 'png' ? 'image/png' : 'image/jpeg'
        const blob = await encode(canvas, type, plan.quality)
        return new Uint8Array(await blob.arrayBuffer())
      } finally {
        drawable.release()
      }
    },
  }
}
