// Puts what the URL asks for into clientStorage before the plugin starts, exactly where the
// plugin reads it (src/common/storage-keys.ts) and in the UI's shape (ui/state/settings.ts),
// so the plugin needs no test-only code path.
import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../../src/common/storage-keys'
import { SettingsSchema } from '../../../ui/state/settings'
import { runwareEndpoint, type HostConfig } from './host-config'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)

function merge(base: Json, extra: Json): Json {
  const out: Json = { ...base }
  for (const [key, value] of Object.entries(extra)) out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Json, value) : value
  return out
}

function wantsSettings(config: HostConfig): boolean {
  return Boolean(config.runware || config.connection || config.consent || config.settings)
}

export async function seedStorage(storage: ClientStorageAPI, config: HostConfig): Promise<void> {
  if (config.key) await storage.setAsync(API_KEY_STORAGE_KEY, config.key)
  if (!wantsSettings(config)) return
  const stored: unknown = await storage.getAsync(SETTINGS_STORAGE_KEY)
  let settings = merge(isObject(stored) ? stored : {}, config.settings ?? {})
  const endpoint: Json = {}
  if (config.runware) Object.assign(endpoint, runwareEndpoint(config.runware))
  if (config.connection) endpoint.connection = config.connection
  settings = merge(settings, { endpoint })
  if (config.consent) settings.consentGiven = true
  // Parsed here so a mistyped ?settings= fails on the page, not as odd plugin behaviour.
  const parsed = SettingsSchema.safeParse(settings)
  if (!parsed.success) throw new Error(`the settings in the URL are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  await storage.setAsync(SETTINGS_STORAGE_KEY, parsed.data)
}
