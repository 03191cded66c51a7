// Generate, or Cancel while a run is going. When Generate cannot work yet, the reason is
// written right under it instead of leaving a dead button to guess about.

export interface GenerateBarProps {
  blocker: string | null
  running: boolean
  cancelling: boolean
  onGenerate(): void
  onCancel(): void
}

export function GenerateBar({ blocker, running, cancelling, onGenerate, onCancel }: GenerateBarProps) {
  if (running) {
    return (
      <button type="button" class="button button-wide" disabled={cancelling} onClick={onCancel}>
        Cancel
      </button>
    )
  }
  return (
    <>
      <button
        type="button"
        class="button button-primary button-wide"
        disabled={blocker !== null}
        aria-describedby={blocker ? 'generate-reason' : undefined}
        onClick={onGenerate}
      >
        Generate
      </button>
      {blocker && (
        <p id="generate-reason" class="hint">
          {blocker}
        </p>
      )}
    </>
  )
}
