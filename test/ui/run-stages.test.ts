import { describe, expect, it } from 'vitest'

import { canEnter, createRunStages, displayPhase, RUN_STAGES, type RunStage } from '../../ui/generation/run-stages'

// The controller's stages, transition by transition: each listed one is taken, every other refused.

const STAGES = Object.keys(RUN_STAGES) as RunStage[]

/** A path from `placing` to `stage` through legal moves only. */
const PATH_TO: Record<RunStage, RunStage[]> = {
  placing: [],
  uploading: ['uploading'],
  saving: ['uploading', 'saving'],
  sending: ['uploading', 'saving', 'sending'],
  delivering: ['uploading', 'saving', 'sending', 'delivering'],
  ended: ['ended'],
}

function at(stage: RunStage) {
  const entered: RunStage[] = []
  const stages = createRunStages((next) => entered.push(next))
  for (const next of PATH_TO[stage]) expect(stages.enter(next)).toBe(true)
  expect(stages.current).toBe(stage)
  entered.length = 0
  return { stages, entered }
}

const LEGAL: Array<[RunStage, RunStage]> = [
  ['placing', 'uploading'], // placeholders made, references still uploading
  ['placing', 'ended'], // no placeholders, or cancelled meanwhile
  ['uploading', 'saving'],
  ['uploading', 'ended'], // an upload failed or was cancelled
  ['saving', 'sending'],
  ['saving', 'delivering'], // cancelled while the sandbox saved the task
  ['sending', 'saving'], // tagged references refused: a new task
  ['sending', 'uploading'], // an upload Runware forgot: upload again
  ['sending', 'delivering'],
  ['delivering', 'ended'],
]

describe('run stages', () => {
  it('start at placing', () => {
    expect(createRunStages().current).toBe('placing')
  })

  it.each(LEGAL)('%s → %s is taken and announced', (from, to) => {
    const { stages, entered } = at(from)
    expect(stages.enter(to)).toBe(true)
    expect(stages.current).toBe(to)
    expect(entered).toEqual([to])
  })

  const illegal = STAGES.flatMap((from) => STAGES.filter((to) => !LEGAL.some(([a, b]) => a === from && b === to)).map((to): [RunStage, RunStage] => [from, to]))

  it.each(illegal)('%s → %s is refused, and the stage stays', (from, to) => {
    const { stages, entered } = at(from)
    expect(canEnter(from, to)).toBe(false)
    expect(stages.enter(to)).toBe(false)
    expect(stages.current).toBe(from)
    expect(entered).toEqual([])
  })

  it('the table holds exactly the legal moves', () => {
    expect(STAGES.flatMap((from) => RUN_STAGES[from].map((to) => [from, to]))).toEqual(LEGAL)
  })

  it('show as the status line phases, and as cancelling once Cancel is pressed', () => {
    expect((['placing', 'uploading', 'saving', 'sending', 'delivering'] as const).map((stage) => displayPhase(stage, false))).toEqual([
      'starting',
      'preparing',
      'generating',
      'generating',
      'generating',
    ])
    expect(displayPhase('sending', true)).toBe('cancelling')
  })
})
