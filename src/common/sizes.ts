// The output sizes Runway Gen-4 Image Turbo (`runway:4@2`) accepts on Runware: exactly these
// 16 width×height pairs, the same list as Runway's own `ratio` enum
// (shared/reference/runware-api.md §6.4). Anything else is refused by the API, so the plugin
// only ever offers, sends and places these.

export type SizeTier = '1080p' | '1K' | '720p'

export interface AllowedSize {
  readonly width: number
  readonly height: number
  /** Aspect as designers say it: "16:9", "4:3", "1:1"… */
  readonly aspect: string
  readonly tier: SizeTier
}

export const ALLOWED_SIZES: readonly AllowedSize[] = [
  { width: 1920, height: 1080, aspect: '16:9', tier: '1080p' },
  { width: 1080, height: 1920, aspect: '9:16', tier: '1080p' },
  { width: 1080, height: 1080, aspect: '1:1', tier: '1080p' },
  { width: 1440, height: 1080, aspect: '4:3', tier: '1080p' },
  { width: 1080, height: 1440, aspect: '3:4', tier: '1080p' },
  { width: 2112, height: 912, aspect: '21:9', tier: '1080p' },
  { width: 1024, height: 1024, aspect: '1:1', tier: '1K' },
  { width: 1360, height: 768, aspect: '16:9', tier: '1K' },
  { width: 1168, height: 880, aspect: '4:3', tier: '1K' },
  { width: 1808, height: 768, aspect: '21:9', tier: '1K' },
  { width: 1280, height: 720, aspect: '16:9', tier: '720p' },
  { width: 720, height: 1280, aspect: '9:16', tier: '720p' },
  { width: 720, height: 720, aspect: '1:1', tier: '720p' },
  { width: 960, height: 720, aspect: '4:3', tier: '720p' },
  { width: 720, height: 960, aspect: '3:4', tier: '720p' },
  { width: 1680, height: 720, aspect: '21:9', tier: '720p' },
]

export const DEFAULT_SIZE: AllowedSize = ALLOWED_SIZES[3]! // 1440×1080, the seed's own example

export function sizeKey(size: { width: number; height: number }): string {
  return `${size.width}x${size.height}`
}

export function isAllowedSize(width: number, height: number): boolean {
  return ALLOWED_SIZES.some((s) => s.width === width && s.height === height)
}

export function findSize(width: number, height: number): AllowedSize | undefined {
  return ALLOWED_SIZES.find((s) => s.width === width && s.height === height)
}

function nominalRatio(aspect: string): number {
  const [w, h] = aspect.split(':').map(Number)
  return (w ?? 1) / (h ?? 1)
}

/**
 * The allowed size whose aspect is closest to `width / height`. Aspects are compared by their
 * names (21:9 is 21/9, although its three pairs differ slightly), on a log scale so 2:1 and
 * 1:2 are equally far from 1:1; within the chosen aspect the largest tier wins, since it keeps
 * the most detail (the table lists 1080p first).
 */
export function closestSize(width: number, height: number): AllowedSize {
  if (!(width > 0 && height > 0)) return DEFAULT_SIZE
  const target = Math.log(width / height)
  let best = ALLOWED_SIZES[0]!
  let bestDistance = Infinity
  for (const size of ALLOWED_SIZES) {
    const distance = Math.abs(Math.log(nominalRatio(size.aspect)) - target)
    if (distance < bestDistance - 1e-9) {
      best = size
      bestDistance = distance
    }
  }
  return best
}
