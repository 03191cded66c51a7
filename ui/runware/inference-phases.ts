import type { RunwareError } from './errors'

// One inference run's life as named phases, each entered only from the ones listed:
//   idle        created, not begun
//   sending     the task is being written (REST: and its answer read)
//   awaiting    sent over the socket; a reply is due before the watchdog fires
//   retrying    Runware said busy: the same task goes again when the back-off timer fires
//   polling     asking getResponse by taskUUID (async delivery, or the outcome was uncertain)
//   done        every result is in
//   interrupted Runware could not be reached while the task may run: its results stay fetchable
//   failed      Runware's answer, a cancel, or what the run could not read
// A phase owns its timer and its reply waiter: leaving it stops both, so no stale one fires.

export type InferencePhaseName = 'idle' | 'sending' | 'awaiting' | 'retrying' | 'polling' | 'done' | 'interrupted' | 'failed'

const ENDS = ['done', 'interrupted', 'failed'] as const

export const INFERENCE_PHASES: Readonly<Record<InferencePhaseName, readonly InferencePhaseName[]>> = {
  // `failed` before it begins: cancelled already
  idle: ['sending', 'polling', 'failed'],
  sending: ['awaiting', 'retrying', 'polling', ...ENDS],
  // each reply re-arms the watchdog
  awaiting: ['awaiting', 'retrying', 'polling', ...ENDS],
  // another busy answer while waiting restarts the back-off
  retrying: ['retrying', 'sending', 'polling', ...ENDS],
  // Runware does not know a task whose send was uncertain: it goes again
  polling: ['sending', ...ENDS],
  done: [],
  interrupted: [],
  failed: [],
}

export type InferencePhase =
  | { name: 'idle' }
  | { name: 'sending' }
  | { name: 'awaiting'; timer?: ReturnType<typeof setTimeout> }
  | { name: 'retrying'; timer?: ReturnType<typeof setTimeout> }
  /** `from`: the uncertain outcome that started the polling, reported if Runware never answers. */
  | { name: 'polling'; from?: RunwareError; wake?: () => void }
  | { name: 'done' }
  | { name: 'interrupted' }
  | { name: 'failed' }

/** The phase named `N`, with what it holds. */
export type PhaseNamed<N extends InferencePhaseName> = Extract<InferencePhase, { name: N }>

export function canMove(from: InferencePhaseName, to: InferencePhaseName): boolean {
  return INFERENCE_PHASES[from].includes(to)
}

export function isEnded(name: InferencePhaseName): boolean {
  return INFERENCE_PHASES[name].length === 0
}

/** Stops what the phase left behind: its timer, and a poll loop waiting for a reply. */
export function leave(phase: InferencePhase): void {
  if ('timer' in phase) clearTimeout(phase.timer)
  if ('wake' in phase) phase.wake?.()
}

/** The current phase, moved only along the table; a refused move changes nothing. */
export interface PhaseHolder {
  readonly current: InferencePhase
  enter<N extends InferencePhaseName>(next: PhaseNamed<N>): PhaseNamed<N> | undefined
}

export function createPhaseHolder(): PhaseHolder {
  let current: InferencePhase = { name: 'idle' }
  return {
    get current() {
      return current
    },
    enter(next) {
      if (!canMove(current.name, next.name)) return undefined
      leave(current)
      current = next
      return next
    },
  }
}
