import { ALLOWED_SIZES, closestSize, findSize, type AllowedSize } from '../../src/common/sizes'

// The size picker's groups and labels. Only the 16 sizes the model accepts are offered, grouped
// by aspect as designers think of them, with the tier so "1K" and "1080p" are told apart.

export const ASPECT_ORDER = ['16:9', '9:16', '1:1', '4:3', '3:4', '21:9'] as const

const ASPECT_NAMES: Record<string, string> = {
  '16:9': '16:9 landscape',
  '9:16': '9:16 portrait',
  '1:1': '1:1 square',
  '4:3': '4:3 landscape',
  '3:4': '3:4 portrait',
  '21:9': '21:9 wide',
}

export interface SizeGroup {
  aspect: string
  label: string
  sizes: AllowedSize[]
}

export function groupSizes(): SizeGroup[] {
  return ASPECT_ORDER.map((aspect) => ({
    aspect,
    label: ASPECT_NAMES[aspect] ?? aspect,
    sizes: ALLOWED_SIZES.filter((size) => size.aspect === aspect),
  }))
}

export function sizeLabel(size: { width: number; height: number }): string {
  const known = findSize(size.width, size.height)
  const dims = `${size.width} × ${size.height}`
  return known ? `${dims} · ${known.tier}` : dims
}

/**
 * The allowed size closest to a reference's aspect. When the current size already has that
 * aspect its tier is kept, so matching never silently trades 720p for 1080p or back.
 */
export function matchReferenceSize(
  reference: { width: number; height: number },
  current?: { width: number; height: number },
): AllowedSize {
  const best = closestSize(reference.width, reference.height)
  const now = current ? findSize(current.width, current.height) : undefined
  return now && now.aspect === best.aspect ? now : best
}
