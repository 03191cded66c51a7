import type { HistoryState } from '../history/history-state'
import { estimateText, runCostText } from '../history/cost-text'

// Cost before and after a run, each on its own line: the next run's estimate (from the last
// price Runware reported, or the published one before any), and what the run on screen cost
// once Runware has said. The running total is History's.

export interface CostLineProps {
  history: HistoryState
  count: number
  /** The run on screen, whose cost may be known. */
  runId: string | null
}

export function CostLine({ history, count, runId }: CostLineProps) {
  const last = history.lastRun.value
  return (
    <>
      <p id="cost-estimate" class="hint cost-line">
        {estimateText(count, history.spend.value.lastPricePerImage)}
      </p>
      {last && last.runId === runId && (
        <p id="cost-run" class="hint cost-line">
          {runCostText(last.total)}
        </p>
      )}
    </>
  )
}
