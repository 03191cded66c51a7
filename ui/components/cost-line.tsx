import type { HistoryState } from '../history/history-state'
import { estimateText, runCostText, totalText } from '../history/cost-text'

// Cost before and after a run: an estimate from the last known price per image, the latest
// run's cost and the running total. Nothing is shown until Runware has reported a price.

export interface CostLineProps {
  history: HistoryState
  count: number
  /** The run on screen, whose cost may be known. */
  runId: string | null
}

export function CostLine({ history, count, runId }: CostLineProps) {
  const spend = history.spend.value
  const last = history.lastRun.value
  const estimate = estimateText(count, spend.lastPricePerImage)
  const run = last && last.runId === runId ? runCostText(last.total, last.images) : null
  if (!estimate && !run) return null
  return (
    <p class="hint cost-line" aria-label="Cost">
      {[estimate, run, spend.images > 0 ? totalText(spend.total, spend.images) : null].filter(Boolean).join(' · ')}
    </p>
  )
}
