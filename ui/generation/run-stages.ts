import type { RunPhase } from './run-state'

// A run's life in the controller as named stages, each entered only from the ones listed:
//   placing    the sandbox makes the placeholders while the references are uploaded
//   uploading  placeholders are there; the references are still on their way
//   saving     the sandbox keeps the task for recovery before it leaves (bounded)
//   sending    the task is out; results arrive and are posted to the sandbox
//   delivering Runware is done; results that arrived are still being placed
//   ended      `run-end` is sent
// A new task for the same run (a tag refusal, or an upload Runware forgot) goes back from
// sending to saving or uploading; a cancel or a failure goes on towards ended.

export type RunStage = 'placing' | 'uploading' | 'saving' | 'sending' | 'delivering' | 'ended'

export const RUN_STAGES: Readonly<Record<RunStage, readonly RunStage[]>> = {
  placing: ['uploading', 'ended'],
  uploading: ['saving', 'ended'],
  saving: ['sending', 'delivering'],
  sending: ['saving', 'uploading', 'delivering'],
  delivering: ['ended'],
  ended: [],
}

export function canEnter(from: RunStage, to: RunStage): boolean {
  return RUN_STAGES[from].includes(to)
}

/** What the designer sees of a stage (the status line); a requested cancel shows as cancelling. */
export function displayPhase(stage: Exclude<RunStage, 'ended'>, cancelling: boolean): RunPhase {
  if (cancelling) return 'cancelling'
  if (stage === 'placing') return 'starting'
  return stage === 'uploading' ? 'preparing' : 'generating'
}

export interface RunStages {
  readonly current: RunStage
  /** Moves to `to` when the table allows it; refuses (false, stage unchanged) otherwise. */
  enter(to: RunStage): boolean
}

export function createRunStages(onEnter?: (stage: RunStage) => void): RunStages {
  let current: RunStage = 'placing'
  return {
    get current() {
      return current
    },
    enter(to) {
      if (!canEnter(current, to)) return false
      current = to
      onEnter?.(to)
      return true
    },
  }
}
