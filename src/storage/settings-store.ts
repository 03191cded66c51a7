import * as z from 'zod/mini'

import { StoredSettingsSchema, type StoredSettings } from '../common/protocol/ui-to-plugin'
import { SETTINGS_STORAGE_KEY } from '../common/storage-keys'
import { MAX_PROMPT_LENGTH, utf16AtMost } from '../common/text-limits'

// Settings live in figma.clientStorage (per user, per plugin, local).
// They are the UI's: the sandbox keeps them as an opaque JSON object and hands them back at
// start-up, and the UI parses them (defaults for anything it cannot read). The sandbox knows
// nothing of their shape beyond the last prompt, which Quick Actions suggests.

export interface SettingsStore {
  /** What was stored, or an empty object when nothing (usable) was. */
  load(): Promise<StoredSettings>
  /** Rejects when storage refuses (e.g. the 5 MB budget); the previous value then stays. */
  save(settings: StoredSettings): Promise<void>
}

const LastPromptSchema = z.object({ lastPrompt: z.string().check(utf16AtMost(MAX_PROMPT_LENGTH)) })

/** The prompt last typed in the window, or '' when the settings hold none readable. */
export function lastPromptOf(settings: StoredSettings): string {
  const parsed = LastPromptSchema.safeParse(settings)
  return parsed.success ? parsed.data.lastPrompt : ''
}

export function createSettingsStore(storage: ClientStorageAPI): SettingsStore {
  return {
    async load() {
      try {
        const parsed = StoredSettingsSchema.safeParse(await storage.getAsync(SETTINGS_STORAGE_KEY))
        return parsed.success ? parsed.data : {}
      } catch (error) {
        console.warn('settings could not be read, using defaults:', error)
        return {}
      }
    },
    async save(settings) {
      // setAsync writes the new value or nothing: the old one is never deleted first.
      await storage.setAsync(SETTINGS_STORAGE_KEY, settings)
    },
  }
}
