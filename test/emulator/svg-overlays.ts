// Text drawn on results: band labels and a caption, rasterised from SVG (fonts-dejavu is
// installed) and blended into the RGB canvas in plain JS, which is several times cheaper than
// a full-frame sharp composite for a strip this small.
import sharp from 'sharp'

export interface Band { left: number; width: number; label: string }

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`)
}

export function promptHeadline(prompt: string): string {
  const words = prompt.trim().split(/\s+/).slice(0, 8).join(' ')
  return words.length > 48 ? `${words.slice(0, 47)}…` : words
}

export function captionSvg(width: number, height: number, headline: string, meta: string): Buffer {
  const big = Math.round(height * 0.36)
  const small = Math.round(height * 0.26)
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="#000" fill-opacity="0.6"/>
<text x="${big}" y="${Math.round(height * 0.45)}" font-family="DejaVu Sans" font-size="${big}" fill="#fff">${escapeXml(headline)}</text>
<text x="${big}" y="${Math.round(height * 0.85)}" font-family="DejaVu Sans" font-size="${small}" fill="#ddd">${escapeXml(meta)}</text>
</svg>`)
}

export function labelsSvg(width: number, height: number, bands: Band[]): Buffer {
  const size = Math.round(height * 0.55)
  const parts = bands.map((band) => {
    const x = band.left + 8
    const w = Math.max(0, Math.min(band.width - 16, Math.round(size * 0.62 * band.label.length + size)))
    const divider = band.left > 0 ? `<rect x="${band.left - 1}" y="0" width="2" height="${height}" fill="#fff"/>` : ''
    return `${divider}<rect x="${x}" y="6" width="${w}" height="${height - 12}" rx="6" fill="#000" fill-opacity="0.55"/>` +
      `<text x="${x + Math.round(size / 2)}" y="${Math.round(height * 0.66)}" font-family="DejaVu Sans" font-size="${size}" fill="#fff">${escapeXml(band.label)}</text>`
  })
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`)
}

/** Rasterises `svg` and alpha-blends it into the RGB buffer `target` at row `top`. */
export async function blendSvg(target: Buffer, targetWidth: number, svg: Buffer, top: number): Promise<void> {
  const { data, info } = await sharp(svg).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const width = Math.min(info.width, targetWidth)
  for (let y = 0; y < info.height; y++) {
    let src = y * info.width * 4
    let dst = ((top + y) * targetWidth) * 3
    for (let x = 0; x < width; x++, src += 4, dst += 3) {
      const alpha = data[src + 3]!
      if (alpha === 0) continue
      const keep = 255 - alpha
      target[dst] = (data[src]! * alpha + target[dst]! * keep + 127) / 255
      target[dst + 1] = (data[src + 1]! * alpha + target[dst + 1]! * keep + 127) / 255
      target[dst + 2] = (data[src + 2]! * alpha + target[dst + 2]! * keep + 127) / 255
    }
  }
}
