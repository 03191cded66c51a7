import type { SelectionText } from '../state/selection-text'

// Shown instead of the reference strip when the selection cannot be used. It is a normal
// state of the plugin (nothing selected yet), so it explains rather than alarms.

export function SelectionMessage({ text }: { text: SelectionText }) {
  return (
    <div class="selection-message">
      <p>{text.title}</p>
      <p class="hint">{text.hint}</p>
    </div>
  )
}
