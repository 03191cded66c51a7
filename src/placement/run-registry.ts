import type { RunPlan } from '../common/protocol'
import type { Rect } from './run-layout'

// The runs in flight: for each run, its section and one slot per result. Node references are
// kept (not ids) and checked with `.removed` before use, since the designer can delete them
// at any time (figma-platform.md §6.8).

export type RunContainer = SectionNode | FrameNode

export type SlotState = 'pending' | 'placed' | 'failed'

export interface Slot {
  index: number
  /** Page-space rectangle the result was planned for. */
  rect: Rect
  node: RectangleNode
  /** The "Generating…" label over a pending slot, when the font loaded. */
  label: TextNode | null
  state: SlotState
}

export interface Run {
  plan: RunPlan
  /** The section's name: the prompt, shortened, with any pasted key hidden. */
  title: string
  page: PageNode
  container: RunContainer
  /** Page-space rectangle of the container as planned. */
  containerRect: Rect
  slots: Slot[]
}

export interface RunRegistry {
  add(run: Run): void
  get(runId: string): Run | undefined
  delete(runId: string): void
  all(): Run[]
}

export function createRunRegistry(): RunRegistry {
  const runs = new Map<string, Run>()
  return {
    add: (run) => void runs.set(run.plan.runId, run),
    get: (runId) => runs.get(runId),
    delete: (runId) => void runs.delete(runId),
    all: () => [...runs.values()],
  }
}
