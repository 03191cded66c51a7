import { DEFAULT_SETTINGS, readSettings, SETTINGS_STORAGE_KEY } from '../common/settings'
import type { Settings } from '../common/settings'

// Settings live in figma.clientStorage (figma-platform.md §5: per user, per plugin, local),
// under a versioned key so a future shape starts fresh instead of misreading old data.

export interface SettingsStore {
  load(): Promise<Settings>
  /** Rejects when storage refuses (e.g. the 5 MB budget); the previous value then stays. */
  save(settings: Settings): Promise<void>
}

export function createSettingsStore(storage: ClientStorageAPI): SettingsStore {
  return {
    async load() {
      try {
        return readSettings(await storage.getAsync(SETTINGS_STORAGE_KEY))
      } catch (error) {
        console.warn('settings could not be read, using defaults:', error)
        return DEFAULT_SETTINGS
      }
    },
    async save(settings) {
      // setAsync writes the new value or nothing: the old one is never deleted first.
      await storage.setAsync(SETTINGS_STORAGE_KEY, settings)
    },
  }
}
