import { shorten } from '../common/shorten'

// The optional caption under an image: its number, a prompt excerpt, the size and the seed, in
// one line sized to the image so it reads at the zoom the image is seen at.

/** Inter at this size, about a fortieth of the image's width. */
export function captionFontSize(width: number): number {
  return Math.max(12, Math.min(48, Math.round(width / 40)))
}

/** The room a caption takes under its image: a half-line gap and one line. */
export function captionSpace(width: number): number {
  return Math.round(captionFontSize(width) * 1.9)
}

export function captionText(index: number, prompt: string, width: number, height: number, seed: number | undefined): string {
  const facts = ` · ${width}×${height}${seed === undefined ? '' : ` · seed ${seed}`}`
  // Inter averages a little over half an em per character: what fits on one line of the image's width.
  const fits = Math.floor(width / (captionFontSize(width) * 0.56))
  const lead = `${index + 1} · `
  return `${lead}${shorten(prompt, Math.max(8, fits - lead.length - facts.length))}${facts}`
}
