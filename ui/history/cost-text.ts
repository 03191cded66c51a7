import { formatCost } from '../../src/common/cost'
import { images } from '../lib/format'

// The wording of costs: the estimate before a run, a run's cost, the running total.
// Runware reports US dollars per task; the estimate multiplies the last known price.

/**
 * What one image cost before any run of ours reported a price: $0.02, the `cost` in every
 * example response of the model's page on Runware,
 * https://runware.ai/docs/models/runway-gen-4-image-turbo (the same at every size).
 */
export const DEFAULT_PRICE_PER_IMAGE = 0.02

/** The last price Runware reported, or the published one until a priced result arrives. */
export function pricePerImage(lastPricePerImage: number | undefined): number {
  return lastPricePerImage !== undefined && Number.isFinite(lastPricePerImage) && lastPricePerImage >= 0
    ? lastPricePerImage
    : DEFAULT_PRICE_PER_IMAGE
}

/** "4 images · about $0.08". */
export function estimateText(count: number, lastPricePerImage: number | undefined): string {
  return `${images(count)} · about ${formatCost(pricePerImage(lastPricePerImage) * count)}`
}

/** "This run: $0.08", what Runware reported for the run. */
export function runCostText(total: number): string {
  return `This run: ${formatCost(total)}`
}

export function totalText(total: number, imageCount: number): string {
  return `Spent so far: ${formatCost(total)} for ${images(imageCount)}`
}

/** The question before a run above the designer's threshold: "12 images · about $0.24 — Generate 12?" */
export function confirmText(count: number, lastPricePerImage: number | undefined): string {
  return `${estimateText(count, lastPricePerImage)} — Generate ${count}?`
}

/** The toast a Quick Actions run shows before it sends anything: "Generating 4 images · about $0.08…" */
export function quickStartText(count: number, lastPricePerImage: number | undefined): string {
  return `Generating ${estimateText(count, lastPricePerImage)}…`
}
