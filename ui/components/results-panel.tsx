import type { LastRun, ReferenceImage } from '../state/app-state'

// The last run's results in slot order, each with the next step one click away: another run
// from it alone, adding it to the references, or finding it on the canvas.

export interface ResultsPanelProps {
  run: LastRun
  images: ReadonlyMap<string, ReferenceImage>
  /** No new run while one is going. */
  busy: boolean
  onMoreLikeThis(nodeId: string): void
  onUse(nodeId: string): void
  onShow(nodeId: string): void
}

export function ResultsPanel({ run, images, busy, onMoreLikeThis, onUse, onShow }: ResultsPanelProps) {
  return (
    <section class="section" aria-labelledby="results-title">
      <h2 id="results-title" class="section-title">
        Last run’s results
      </h2>
      <ol class="results" aria-label="Results">
        {run.nodeIds.map((nodeId, index) => {
          const image = images.get(nodeId)
          const name = `Result ${index + 1}`
          return (
            <li key={nodeId} class="result" aria-label={name}>
              <span class="thumb result-thumb">{image ? <img src={image.url} alt={name} /> : <span class="thumb-loading" aria-hidden="true">…</span>}</span>
              <span class="result-actions">
                <button type="button" class="link-button" disabled={busy} onClick={() => onMoreLikeThis(nodeId)}>
                  More like this
                </button>
                <button type="button" class="link-button" onClick={() => onUse(nodeId)}>
                  Use as reference
                </button>
                <button type="button" class="link-button" onClick={() => onShow(nodeId)}>
                  Show
                </button>
              </span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
