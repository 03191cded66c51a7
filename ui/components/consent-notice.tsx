// Said once, plainly, before anything leaves the machine: the frames and the prompt go to a
// third party. Generate stays unavailable until the designer has acknowledged it.

export const CONSENT_TEXT =
  'Your selected frames and your prompt are sent to Runware, a third-party service, using your API key.'

export function ConsentNotice({ onAccept }: { onAccept(): void }) {
  return (
    <section class="card" aria-labelledby="consent-title">
      <p id="consent-title" class="card-title">
        Before your first generation
      </p>
      <p>{CONSENT_TEXT}</p>
      <p class="hint">Runware bills your account for each image it makes.</p>
      <div class="actions">
        <button type="button" class="button button-primary" onClick={onAccept}>
          I understand
        </button>
      </div>
    </section>
  )
}
