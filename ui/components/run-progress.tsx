import type { RunState, Slot } from '../generation/run-state'

// One small square per requested result, filled as results land, so a 20-image run shows
// where it is at a glance. The sentence about it lives in the status region.

const SLOT_WORDS: Record<Slot['status'], string> = {
  waiting: 'waiting',
  placed: 'placed',
  failed: 'failed',
  cancelled: 'cancelled',
  interrupted: 'kept at Runware',
}

export function RunProgress({ run }: { run: RunState }) {
  return (
    <div class="section">
      <ol class="slots" aria-label="Results">
        {run.slots.map((slot, index) => {
          const words = `Result ${index + 1}: ${SLOT_WORDS[slot.status]}${slot.message ? ` (${slot.message})` : ''}`
          return <li key={index} class={`slot slot-${slot.status}`} aria-label={words} title={words} />
        })}
      </ol>
      {run.notes.map((note) => (
        <p key={note} class="hint">
          {note}
        </p>
      ))}
    </div>
  )
}
