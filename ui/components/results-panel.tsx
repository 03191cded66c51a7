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
  const actions: Array<[string, (nodeId: string) => void]> = [
    ['More like this', onMoreLikeThis],
    ['Use as reference', onUse],
    ['Show', onShow],
  ]
  return (
    <section class="section" aria-labelledby="results-title">
      <h2 id="results-title" class="section-title">
        Results
      </h2>
      <ol class="results" aria-label="Results">
        {run.nodeIds.map((nodeId, index) => {
          const image = images.get(nodeId)
          const name = `Result ${index + 1}`
          return (
            <li key={nodeId} class="result" aria-label={name}>
              <span class="thumb">{image ? <img src={image.url} alt="" /> : '…'}</span>
              {actions.map(([label, run]) => (
                <button key={label} type="button" class="link-button" disabled={busy && run === onMoreLikeThis} onClick={() => run(nodeId)}>
                  {label}
                </button>
              ))}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
