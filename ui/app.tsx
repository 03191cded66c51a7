import { useEffect, useRef } from 'preact/hooks'

import { Header } from './components/header'
import { HistoryView } from './components/history-view'
import { MainView } from './components/main-view'
import { SettingsView } from './components/settings-view'
import type { App as AppModel } from './create-app'

// The whole UI: the generate form from the first frame, so the prompt can be typed at once;
// what depends on the sandbox's `init` (key, settings, size, count) stays blank and disabled
// until it arrives, and settings and history open only after it.

export function App({ app }: { app: AppModel }) {
  const { state, actions } = app
  const view = state.view.value
  const previous = useRef(view)
  const root = useRef<HTMLDivElement>(null)

  // the button that switched views is gone after the switch: put focus on its counterpart
  useEffect(() => {
    if (previous.current === view) return
    const from = previous.current
    previous.current = view
    // back from settings, the gear that opened them; otherwise the header's first button
    const selector = view === 'main' && from === 'settings' ? '.header .button-icon' : '.header button'
    root.current?.querySelector<HTMLElement>(selector)?.focus()
  }, [view])

  // Escape closes Settings and History wherever focus is, even on the page itself; a control
  // that used the key for itself (a suggestion list, a question) has already stopped it.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== 'Escape' || event.defaultPrevented || state.view.value === 'main') return
      event.preventDefault()
      actions.closeSettings()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [state, actions])

  return (
    <div class="app" ref={root} aria-busy={state.ready.value ? undefined : 'true'}>
      <Header
        view={view}
        ready={state.ready.value}
        onOpenSettings={actions.openSettings}
        onCloseSettings={actions.closeSettings}
        onOpenHistory={app.historyActions.open}
      />
      {view === 'history' ? (
        <HistoryView app={app} />
      ) : view === 'settings' ? (
        <SettingsView
          apiKey={state.apiKey.value}
          settings={state.settings.value}
          keyCheck={state.keyCheck.value}
          onSaveKey={actions.saveKey}
          onEditKey={actions.editKey}
          onForgetKey={actions.forgetKey}
          onConfirmAboveChange={actions.setConfirmAbove}
          onSaveEndpoint={actions.saveEndpoint}
          onSaveOptions={actions.saveOptions}
          onSaveBoard={actions.saveBoard}
        />
      ) : (
        <MainView app={app} />
      )}
    </div>
  )
}
