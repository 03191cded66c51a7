// The output sizes Runway Gen-4 Image Turbo (`runway:4@2`) accepts on Runware: exactly these
// 16 width×height pairs, the same list as Runway's own `ratio` enum
// (Runware's model page). Anything else is refused by the API, so the plugin
// only ever offers, sends and places these.

export type SizeTier = '1080p' | '1K' | '720p'

export interface AllowedSize {
  readonly width: number
  readonly height: number
  /** Aspect as designers say it: "16:9", "4:3", "1:1"… */
  readonly aspect: string
  readonly tier: SizeTier
}

/**
 * The pairs per tier, largest tier first. Only the pairs: the sandbox checks a plan against
 * them alone, and the aspect names below are derived, so the sandbox bundle carries no
 * designer-facing labels it never shows.
 */
const PAIRS_BY_TIER: Record<SizeTier, readonly (readonly [width: number, height: number])[]> = {
  '1080p': [[1920, 1080], [1080, 1920], [1080, 1080], [1440, 1080], [1080, 1440], [2112, 912]],
  '1K': [[1024, 1024], [1360, 768], [1168, 880], [1808, 768]],
  '720p': [[1280, 720], [720, 1280], [720, 720], [960, 720], [720, 960], [1680, 720]],
}

/** The aspects designers name the pairs by; each pair takes the nearest (21:9's three differ slightly). */
const ASPECTS = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9']

function aspectOf(width: number, height: number): string {
  const distance = (aspect: string) => Math.abs(Math.log(nominalRatio(aspect)) - Math.log(width / height))
  return ASPECTS.reduce((best, aspect) => (distance(aspect) < distance(best) ? aspect : best))
}

function listSizes(): AllowedSize[] {
  return (Object.keys(PAIRS_BY_TIER) as SizeTier[]).flatMap((tier) =>
    PAIRS_BY_TIER[tier].map(([width, height]) => ({ width, height, aspect: aspectOf(width, height), tier })),
  )
}

// Pure calls, so a bundle that only checks pairs (the sandbox) leaves the labelled list out.
export const ALLOWED_SIZES: readonly AllowedSize[] = /* @__PURE__ */ listSizes()

/** 1440×1080, the model page's own example. */
export const DEFAULT_SIZE: AllowedSize = /* @__PURE__ */ findSize(1440, 1080)!

export function sizeKey(size: { width: number; height: number }): string {
  return `${size.width}x${size.height}`
}

export function isAllowedSize(width: number, height: number): boolean {
  return Object.values(PAIRS_BY_TIER).some((pairs) => pairs.some(([w, h]) => w === width && h === height))
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
