import { images } from '../lib/format'
import type { ClientStatus } from '../runware/types'
import type { UiError } from './error-text'

// What a run looks like to the designer: one slot per requested result and a phase, plus
// the client's latest status. Pure data and wording, no DOM.

/** `interrupted`: not placed yet, kept at Runware to be fetched when it is reachable again. */
export type SlotStatus = 'waiting' | 'placed' | 'failed' | 'cancelled' | 'interrupted'

export interface Slot {
  status: SlotStatus
  nodeId?: string
  message?: string
}

export type RunPhase = 'starting' | 'preparing' | 'generating' | 'cancelling' | 'done' | 'cancelled' | 'failed' | 'interrupted'

export interface RunState {
  runId: string
  phase: RunPhase
  slots: Slot[]
  clientStatus: ClientStatus | null
  error: UiError | null
  /** Things worth knowing that are not errors, e.g. a reference sent inline. */
  notes: string[]
}

const ACTIVE: ReadonlySet<RunPhase> = new Set(['starting', 'preparing', 'generating', 'cancelling'])

export function isActive(run: RunState | null): boolean {
  return run !== null && ACTIVE.has(run.phase)
}

export function countSlots(run: RunState, status: SlotStatus): number {
  return run.slots.filter((slot) => slot.status === status).length
}

export const INTERRUPTED_NOTE = 'The other images are kept at Runware; the plugin will fetch them when Runware is reachable again.'

export const BILLING_NOTE = 'Runware may still bill for work it had already started.'

/** Why slots failed, each reason once: ": reason" or "", for the end of the status line. */
function failureReasons(run: RunState): string {
  const reasons = [...new Set(run.slots.flatMap((slot) => (slot.status === 'failed' && slot.message ? [slot.message] : [])))]
  return reasons.length > 0 ? `: ${reasons.join(' ')}` : ''
}

/** The status line: one sentence, for the aria-live region as much as for the eye. */
export function progressText(run: RunState): string {
  const total = run.slots.length
  const placed = countSlots(run, 'placed')
  const failed = countSlots(run, 'failed')
  switch (run.phase) {
    case 'starting':
      return 'Making room on the canvas…'
    case 'preparing':
      return 'Preparing references…'
    case 'generating': {
      const status = run.clientStatus
      if (status?.kind === 'retrying') {
        const seconds = Math.max(1, Math.ceil(status.inMs / 1000))
        // a refused connection is not Runware being busy: say which it is
        if (status.cause === 'network') return `Can't reach Runware, retrying in ${seconds} s`
        return `Runware is busy, retrying in ${seconds} s`
      }
      if (status?.kind === 'connecting') return 'Connecting to Runware…'
      return `Generating ${Math.min(placed + failed + 1, total)} of ${total}…`
    }
    case 'cancelling':
      return 'Cancelling…'
    case 'done':
      if (failed === 0) return `Done: ${images(placed)} placed`
      return `Done: ${placed} of ${total} placed, ${failed} failed${failureReasons(run)}`
    case 'cancelled':
      return `Cancelled: ${placed} of ${total} placed. ${BILLING_NOTE}`
    case 'failed':
      return `Stopped: ${placed} of ${total} placed`
    case 'interrupted':
      return `Connection lost — ${placed} of ${total} placed. ${INTERRUPTED_NOTE}`
  }
}
