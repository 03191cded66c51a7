// How a long session's run times moved: its end against its start, each end a median so a
// run slowed by the machine's other work does not stand for it, and the trend across it all.
import { median } from './table'

/**
 * Runs at each end of the session whose median stands for it: on two shared cores one run in
 * six or seven takes twice as long as its neighbours, and a median of five outlasts two of them.
 */
export const END_RUNS = 5

/** The median of the first and of the last `END_RUNS` values. */
export function sessionEnds(values: number[]): { first: number; last: number } {
  if (values.length < 2 * END_RUNS) throw new Error(`a session needs at least ${2 * END_RUNS} runs, got ${values.length}`)
  return { first: median(values.slice(0, END_RUNS)), last: median(values.slice(-END_RUNS)) }
}

/**
 * How much each run adds to the next, as the median of the slopes between every pair of runs
 * (Theil–Sen): a few runs slowed by the machine's other work do not tilt it, as they would a
 * least-squares line.
 */
export function slopePerRun(values: number[]): number {
  const slopes: number[] = []
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) slopes.push((values[j]! - values[i]!) / (j - i))
  return slopes.length === 0 ? 0 : median(slopes)
}
