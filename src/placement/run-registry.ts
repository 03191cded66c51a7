import type { RunPlan } from '../common/protocol'
import type { RunAnnotation } from '../records/annotate'
import type { Rect } from './run-layout'

// The runs in flight: for each run, its section and one slot per result. Node references are
// kept (not ids) and checked with `.removed` before use, since the designer can delete them
// at any time.

export type RunContainer = SectionNode | FrameNode

export type SlotState = 'pending' | 'placed' | 'failed'

export interface Slot {
  index: number
  /** The result's number in its run as the designer sees it: `index`, or the original slot of a recovered run. */
  number: number
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
  /** The caption and label font, when it loaded. */
  font: FontName | null
  /** How its images are annotated, or null when they are not. */
  annotation: RunAnnotation | null
}

/** The runs in flight by runId: a plain Map, since that is all a registry has to be. */
export type RunRegistry = Map<string, Run>
