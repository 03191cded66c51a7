import { useEffect, useRef } from 'preact/hooks'

// A question asked in place of the button that raised it, for an action that cannot be taken
// back: focus goes to the action, Escape or Keep puts things as they were.

export interface InlineConfirmProps {
  question: string
  action: string
  onConfirm(): void
  onKeep(): void
}

export function InlineConfirm({ question, action, onConfirm, onKeep }: InlineConfirmProps) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <div
      class="inline-confirm"
      role="group"
      aria-label={question}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // this Escape answers the question; it does not also close the view
        event.preventDefault()
        onKeep()
      }}
    >
      <p class="inline-confirm-question">{question}</p>
      <div class="actions">
        <button ref={confirm} type="button" class="button button-danger" onClick={onConfirm}>
          {action}
        </button>
        <button type="button" class="button" onClick={onKeep}>
          Keep
        </button>
      </div>
    </div>
  )
}
