import type { KeyCheck } from '../state/key-check'
import { ApiKeyForm } from './api-key-form'

// The one card a new designer meets: where the frames and the prompt go, said plainly before
// anything leaves the machine, and the key that sends them, with a single primary action.
// Without a key, saving one also acknowledges the notice written right above it; with a key
// saved but the notice not yet acknowledged, "I understand" does. Generate stays unavailable
// until both are done.

export const CONSENT_TEXT =
  'Your selected frames and your prompt are sent to Runware, a third-party service, using your API key.'

export interface OnboardingCardProps {
  hasKey: boolean
  consentGiven: boolean
  check: KeyCheck
  onSaveKey(key: string): Promise<boolean>
  onEditKey(): void
  onAccept(): void
}

export function OnboardingCard({ hasKey, consentGiven, check, onSaveKey, onEditKey, onAccept }: OnboardingCardProps) {
  async function saveAndAccept(key: string): Promise<boolean> {
    const saved = await onSaveKey(key)
    if (saved && !consentGiven) onAccept()
    return saved
  }

  return (
    <section class="card" aria-labelledby="onboarding-title">
      <h2 id="onboarding-title" class="card-title">
        {hasKey ? 'Before your first generation' : 'Connect your Runware account'}
      </h2>
      <p>{CONSENT_TEXT}</p>
      <p class="hint">Runware bills your account for each image it makes.</p>
      {hasKey ? (
        <div class="actions">
          <button type="button" class="button button-primary" onClick={onAccept}>
            I understand
          </button>
        </div>
      ) : (
        <ApiKeyForm onSave={saveAndAccept} onEdit={onEditKey} check={check} />
      )}
    </section>
  )
}
