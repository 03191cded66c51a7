import type { Recovery } from '../generation/recover-runs'

// What came back from runs a close cut short, one plain sentence each (text only: the prompt
// in them is the designer's own, but still never rendered as markup).

export function RecoveryReport({ recovery }: { recovery: Recovery }) {
  const lines = recovery.report.value
  if (!recovery.busy.value && lines.length === 0) return null
  return (
    <div class="recovery-report" role="status" aria-live="polite">
      {recovery.busy.value && <p>Recovering results of a run that was interrupted…</p>}
      {lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  )
}
