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
        d="M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5Zm0 1a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3ZM6.9 1h2.2l.3 1.7c.4.1.8.3 1.1.5l1.4-1 1.6 1.6-1 1.4c.2.3.4.7.5 1.1l1.7.3v2.2l-1.7.3c-.1.4-.3.8-.5 1.1l1 1.4-1.6 1.6-1.4-1c-.3.2-.7.4-1.1.5L9.1 15H6.9l-.3-1.7c-.4-.1-.8-.3-1.1-.5l-1.4 1-1.6-1.6 1-1.4c-.2-.3-.4-.7-.5-1.1L1.3 9.1V6.9l1.7-.3c.1-.4.3-.8.5-1.1l-1-1.4 1.6-1.6 1.4 1c.3-.2.7-.4 1.1-.5L6.9 1Zm.8 1-.3 1.5-.3.1c-.5.1-1 .3-1.4.6l-.3.2-1.2-.9-.3.3.9 1.2-.2.3c-.3.4-.5.9-.6 1.4l-.1.3-1.5.3v.4l1.5.3.1.3c.1.5.3 1 .6 1.4l.2.3-.9 1.2.3.3 1.2-.9.3.2c.4.3.9.5 1.4.6l.3.1.3 1.5h.4l.3-1.5.3-.1c.5-.1 1-.3 1.4-.6l.3-.2 1.2.9.3-.3-.9-1.2.2-.3c.3-.4.5-.9.6-1.4l.1-.3 1.5-.3v-.4l-1.5-.3-.1-.3c-.1-.5-.3-1-.6-1.4l-.2-.3.9-1.2-.3-.3-1.2.9-.3-.2c-.4-.3-.9-.5-1.4-.6l-.3-.1L8.3 2h-.6Z"
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
      <h1>Gen-4 moodboard</h1>
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
