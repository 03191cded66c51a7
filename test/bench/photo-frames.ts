// Photo-like frame content for the bench: smooth colour fields with grain, the kind of
// moodboard image whose PNG is heavy. Flat-colour frames would flatter every figure.
import sharp from 'sharp'

const TINTS = [
  { r: 230, g: 140, b: 80 },
  { r: 70, g: 120, b: 210 },
  { r: 90, g: 170, b: 110 },
]

/** A JPEG of `width` × `height` looking like a photo, different for each `index`. */
export async function photoJpeg(index: number, width = 1920, height = 1080): Promise<Buffer> {
  const coarse = await sharp({
    create: { width: Math.round(width / 24), height: Math.round(height / 24), channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 70 } },
  })
    .png()
    .toBuffer()
  const grain = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 12 } } })
    .png()
    .toBuffer()
  return sharp(coarse)
    .resize(width, height, { kernel: 'cubic' })
    .blur(6)
    .tint(TINTS[index % TINTS.length]!)
    .composite([{ input: grain, blend: 'overlay' }])
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** The same frame as a 2× PNG export would be: the baseline's reference bytes. */
export function pngAtTwoX(jpeg: Buffer, width = 1920, height = 1080): Promise<Buffer> {
  return sharp(jpeg).resize(width * 2, height * 2).png().toBuffer()
}
