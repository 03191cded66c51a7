import type { UiError } from '../generation/error-text'

// A problem in plain words, with Runware's (or the sandbox's) own code and wording one click
// away for a support request. Rendered as text only: messages can echo untrusted input.

export interface ErrorBannerProps {
  error: UiError
  onDismiss(): void
}

export function ErrorBanner({ error, onDismiss }: ErrorBannerProps) {
  return (
    <div class="banner" role="alert">
      <div class="banner-body">
        <p>{error.message}</p>
        {error.detail && (
          <details>
            <summary>Details</summary>
            <pre>{error.detail}</pre>
          </details>
        )}
      </div>
      <button type="button" class="button button-icon" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  )
}
