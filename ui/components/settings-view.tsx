import type { GenerationOptions } from '../runware/generation-options'
import type { KeyCheck } from '../state/key-check'
import type { BoardSettings, Endpoint, Settings } from '../state/settings'
import { BoardSettingsSection } from './board-settings'
import { ConnectionSettings } from './connection-settings'
import { KeySettings } from './key-settings'
import { OptionsSettings } from './options-settings'
import { SpendSettings } from './spend-settings'

// Everything that is set once and then left alone, in two parts: what a designer sets (the
// key, spending, what lands on the canvas), and a collapsed "Connection & delivery" for the
// endpoints and Runware's delivery options, which nearly nobody changes.

export interface SettingsViewProps {
  apiKey: string | null
  settings: Settings
  keyCheck: KeyCheck
  onSaveKey(key: string): Promise<boolean>
  onEditKey(): void
  onForgetKey(): void
  onConfirmAboveChange(count: number): void
  onSaveEndpoint(endpoint: Endpoint): void
  onSaveOptions(options: GenerationOptions): void
  onSaveBoard(board: BoardSettings): void
}

export function SettingsView(props: SettingsViewProps) {
  const options = props.settings.options
  return (
    <main class="view">
      <KeySettings apiKey={props.apiKey} check={props.keyCheck} onSave={props.onSaveKey} onEdit={props.onEditKey} onForget={props.onForgetKey} />
      <SpendSettings confirmAbove={props.settings.confirmAbove} onChange={props.onConfirmAboveChange} />
      <BoardSettingsSection
        board={props.settings}
        onSave={props.onSaveBoard}
        includeCost={options.includeCost}
        onIncludeCostChange={(includeCost) => props.onSaveOptions({ ...options, includeCost })}
      />
      <details class="section disclosure">
        <summary>
          <h2 class="section-title">Connection &amp; delivery</h2>
        </summary>
        <div class="section-body">
          <ConnectionSettings endpoint={props.settings.endpoint} onSave={props.onSaveEndpoint} />
          <OptionsSettings options={options} onSave={props.onSaveOptions} />
        </div>
      </details>
    </main>
  )
}
