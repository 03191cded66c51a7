import type { BoardSettings } from '../state/settings'

// What the plugin adds to the canvas around each image: a caption under it, and an annotation
// that tells teammates how it was made.

export interface BoardSettingsProps {
  board: BoardSettings
  onSave(board: BoardSettings): void
}

export function BoardSettingsSection({ board, onSave }: BoardSettingsProps) {
  return (
    <section class="section" aria-labelledby="board-settings-title">
      <h2 class="section-title" id="board-settings-title">On the canvas</h2>
      <div class="section-body">
        <label class="checkbox">
          <input type="checkbox" checked={board.captions} onChange={(event) => onSave({ ...board, captions: event.currentTarget.checked })} />
          Caption each image (prompt, size, seed)
        </label>
        <label class="checkbox">
          <input type="checkbox" checked={board.annotations} onChange={(event) => onSave({ ...board, annotations: event.currentTarget.checked })} />
          Annotate each image for teammates (prompt, references, cost)
        </label>
      </div>
    </section>
  )
}
