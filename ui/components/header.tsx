import { GEAR_PATH } from './gear-path'

// The top bar: the plugin's name and the way into (or back out of) settings. Settings and
// history show what the sandbox sent in `init`, so they cannot be opened before it came.

export interface HeaderProps {
  view: 'main' | 'settings' | 'history'
  ready: boolean
  onOpenSettings(): void
  onCloseSettings(): void
  onOpenHistory?(): void
}

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d={GEAR_PATH}
      />
    </svg>
  )
}

export function Header({ view, ready, onOpenSettings, onCloseSettings, onOpenHistory }: HeaderProps) {
  if (view === 'settings' || view === 'history') {
    return (
      <header class="header">
        <h1>{view === 'settings' ? 'Settings' : 'History'}</h1>
        <button type="button" class="button button-ghost" onClick={onCloseSettings}>
          Done
        </button>
      </header>
    )
  }
  return (
    <header class="header">
      <h1>Gen-4 Moodboard</h1>
      {onOpenHistory && (
        <button type="button" class="button button-ghost header-history" disabled={!ready} onClick={onOpenHistory}>
          History
        </button>
      )}
      <button type="button" class="button button-icon" aria-label="Settings" title="Settings" disabled={!ready} onClick={onOpenSettings}>
        <GearIcon />
      </button>
    </header>
  )
}
