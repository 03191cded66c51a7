import type { GenerationOptions } from '../runware/generation-options'
import type { KeyCheck } from '../state/key-check'
import type { BoardSettings, Endpoint, Settings } from '../state/settings'
import { BoardSettingsSection } from './board-settings'
import { ConnectionSettings } from './connection-settings'
import { KeySettings } from './key-settings'
import { OptionsSettings } from './options-settings'
import { SpendSettings } from './spend-settings'

// Everything that is set once and then left alone.

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
  return (
    <main class="view">
      <KeySettings apiKey={props.apiKey} check={props.keyCheck} onSave={props.onSaveKey} onEdit={props.onEditKey} onForget={props.onForgetKey} />
      <SpendSettings confirmAbove={props.settings.confirmAbove} onChange={props.onConfirmAboveChange} />
      <BoardSettingsSection board={props.settings} onSave={props.onSaveBoard} />
      <ConnectionSettings endpoint={props.settings.endpoint} onSave={props.onSaveEndpoint} />
      <OptionsSettings options={props.settings.options} onSave={props.onSaveOptions} />
    </main>
  )
}
