// Mutable state of one fake that the `figma` object and the test-facing FigmaFake share.
import type { ClientStorage } from './client-storage'
import type { ParametersImpl } from './parameters'
import type { PluginEvents } from './plugin-events'
import type { PluginUi, UiChannel } from './ui-channel'
import type { ViewportImpl } from './viewport'

export interface NotificationRecord {
  message: string
  options?: NotificationOptions
  cancelled: boolean
}

export interface FakeState {
  command: string
  editorType: 'figma' | 'figjam'
  readonly fetchImage: (url: string) => Promise<Uint8Array>
  readonly ui: UiChannel
  readonly pluginUi: PluginUi
  readonly viewport: ViewportImpl
  readonly clientStorage: ClientStorage
  readonly parameters: ParametersImpl
  readonly events: PluginEvents
  readonly notifications: NotificationRecord[]
  undoCheckpoints: number
  undoTriggers: number
  closing: boolean
  closeMessage: string | undefined
}
