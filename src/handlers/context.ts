import { shorten } from '../common/shorten'
import type { Post } from '../messages/post'
import type { RunRegistry } from '../placement/run-registry'
import type { UiWindow } from '../placement/reveal'
import type { SelectionWatcher } from '../selection-watcher'
import type { ApiKeyStore } from '../storage/api-key-store'
import type { PendingRunsStore } from '../storage/pending-runs-store'
import type { SettingsStore } from '../storage/settings-store'
import type { UploadCacheStore } from '../storage/upload-cache-store'

// What the message handlers share for one plugin session.

export interface PluginContext {
  figma: PluginAPI
  post: Post
  settings: SettingsStore
  apiKey: ApiKeyStore
  registry: RunRegistry
  /** Runs whose task was sent, until they end: recovered on the next launch after a close. */
  pendingRuns: PendingRunsStore
  /** The UI's upload cache, kept across launches. */
  uploads: UploadCacheStore
  watcher: SelectionWatcher
  loadLabelFont: () => Promise<FontName | null>
  /** The plugin window's size and visibility, which a run is kept clear of. */
  uiWindow: UiWindow
  /** The command the plugin was launched with (a menu entry or a relaunch button), '' if none. */
  command: () => string
  /** The prompt typed in Quick Actions for a parameter command, if any. */
  launchPrompt: () => string | undefined
}

/** figma.notify shows at most 100 characters. */
export const MAX_NOTIFY_LENGTH = 100

export function notify(figma: PluginAPI, message: string, error = false): void {
  figma.notify(shorten(message, MAX_NOTIFY_LENGTH), error ? { error: true } : undefined)
}
