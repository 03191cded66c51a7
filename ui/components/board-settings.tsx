import type { BoardSettings } from '../state/settings'

// What the plugin adds to the canvas around each image (a caption under it, an annotation
// that tells teammates how it was made) and whether each image's price is asked for.

export interface BoardSettingsProps {
  board: BoardSettings
  onSave(board: BoardSettings): void
  includeCost: boolean
  onIncludeCostChange(includeCost: boolean): void
}

export function BoardSettingsSection({ board, onSave, includeCost, onIncludeCostChange }: BoardSettingsProps) {
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
        <label class="checkbox">
          <input type="checkbox" checked={includeCost} onChange={(event) => onIncludeCostChange(event.currentTarget.checked)} />
          Show the cost of each image
        </label>
      </div>
    </section>
  )
}
