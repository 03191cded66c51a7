import { z } from 'zod'

import { GenerationOptionsSchema } from './generation-options'
import { DEFAULT_SIZE, isAllowedSize } from './sizes'

// Per-user settings, kept in figma.clientStorage under a versioned key so a future shape can
// start fresh instead of misreading old data. The API key is NOT here: it has its own
// clientStorage entry and never travels with settings.

export const SETTINGS_STORAGE_KEY = 'settings-v1'
export const API_KEY_STORAGE_KEY = 'runware-api-key-v1'

export const MAX_RESULTS = 20

export const SizeSchema = z
  .object({ width: z.number().int(), height: z.number().int() })
  .refine((size) => isAllowedSize(size.width, size.height), {
    message: 'This size is not one Gen-4 Image Turbo can make',
  })

export const EndpointSchema = z.object({
  connection: z.enum(['auto', 'websocket', 'rest']).default('auto'),
  restUrl: z.string().url().default('https://api.runware.ai/v1'),
  wsUrl: z.string().url().default('wss://ws-api.runware.ai/v1'),
})

export const SettingsSchema = z.object({
  size: SizeSchema.default({ width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }),
  numberResults: z.number().int().min(1).max(MAX_RESULTS).default(4),
  endpoint: EndpointSchema.default(EndpointSchema.parse({})),
  options: GenerationOptionsSchema.default(GenerationOptionsSchema.parse({})),
  /** The user has read that frames and prompt go to Runware, a third party. */
  consentGiven: z.boolean().default(false),
  lastPrompt: z.string().max(1000).default(''),
})

export type Settings = z.infer<typeof SettingsSchema>
export type Endpoint = z.infer<typeof EndpointSchema>

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})

/** Stored settings that no longer parse fall back to defaults rather than breaking the plugin. */
export function readSettings(stored: unknown): Settings {
  const parsed = SettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}
