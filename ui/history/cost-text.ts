import { formatCost, images } from '../lib/format'

// The wording of costs: the estimate before a run, a run's cost, the running total.
// Runware reports US dollars per task; the estimate multiplies the last known price.

/** "≈ $0.08 for 4 images", or null while no price is known yet. */
export function estimateText(count: number, lastPricePerImage: number | undefined): string | null {
  if (lastPricePerImage === undefined || !Number.isFinite(lastPricePerImage) || count < 1) return null
  return `≈ ${formatCost(lastPricePerImage * count)} for ${images(count)}`
}

/** "This run: $0.08 ($0.02 per image)". */
export function runCostText(total: number, placed: number): string {
  if (placed <= 0) return `This run: ${formatCost(total)}`
  return `This run: ${formatCost(total)} (${formatCost(total / placed)} per image)`
}

export function totalText(total: number, imageCount: number): string {
  return `Spent so far: ${formatCost(total)} for ${images(imageCount)}`
}
