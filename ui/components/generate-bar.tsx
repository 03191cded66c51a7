import { useEffect, useRef } from 'preact/hooks'

// Generate, or Cancel while a run is going. When Generate cannot work yet, the reason is
// written right under it instead of leaving a dead button to guess about. A run above the
// designer's threshold first asks, in place of the button: focus goes to Confirm, Escape or
// Cancel puts it back on Generate without spending anything.

export interface GenerateBarProps {
  blocker: string | null
  running: boolean
  cancelling: boolean
  /** The question to answer before this run spends, e.g. "12 images · about $0.24 — Generate 12?" */
  question: string | null
  onGenerate(): void
  onConfirm(): void
  onDismissQuestion(): void
  onCancel(): void
}

export function GenerateBar(props: GenerateBarProps) {
  const { blocker, running, cancelling, question } = props
  const generateButton = useRef<HTMLButtonElement>(null)
  const confirmButton = useRef<HTMLButtonElement>(null)
  const asked = useRef(false)

  useEffect(() => {
    if (question) confirmButton.current?.focus()
    // back from a question that was dismissed (not from a start, where Cancel takes over)
    else if (asked.current && !running) generateButton.current?.focus()
    asked.current = question !== null
  }, [question, running])

  if (running) {
    return (
      <button type="button" class="button button-wide" disabled={cancelling} onClick={props.onCancel}>
        Cancel
      </button>
    )
  }
  if (question) {
    return (
      <div
        class="confirm-run"
        role="group"
        aria-labelledby="confirm-question"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return
          event.stopPropagation()
          props.onDismissQuestion()
        }}
      >
        <p id="confirm-question" class="confirm-question">
          {question}
        </p>
        <div class="actions">
          <button ref={confirmButton} type="button" class="button button-primary" onClick={props.onConfirm}>
            Confirm
          </button>
          <button type="button" class="button" onClick={props.onDismissQuestion}>
            Cancel
          </button>
        </div>
      </div>
    )
  }
  return (
    <>
      <button
        ref={generateButton}
        type="button"
        class="button button-primary button-wide"
        disabled={blocker !== null}
        aria-describedby={blocker ? 'generate-reason' : undefined}
        onClick={props.onGenerate}
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
