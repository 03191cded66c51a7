import * as z from 'zod/mini'

import { GenerationOptionsSchema } from './generation-options'
import { DEFAULT_SIZE, isAllowedSize } from './sizes'
import { MAX_PROMPT_LENGTH, utf16AtMost } from './text-limits'

// Per-user settings, kept in figma.clientStorage under a versioned key so a future shape can
// start fresh instead of misreading old data. The API key is NOT here: it has its own
// clientStorage entry and never travels with settings.

export const SETTINGS_STORAGE_KEY = 'settings-v1'
export const API_KEY_STORAGE_KEY = 'runware-api-key-v1'

export const MAX_RESULTS = 20

export const SizeSchema = z.object({ width: z.int(), height: z.int() }).check(
  z.refine((size) => isAllowedSize(size.width, size.height), {
    message: 'This size is not one Gen-4 Image Turbo can make',
  }),
)

const url = z.string().check(z.refine((value) => /^(https?|wss?):\/\/\S+$/i.test(value), { message: 'Enter a full URL' }))

export const EndpointSchema = z.object({
  connection: z._default(z.enum(['auto', 'websocket', 'rest']), 'auto'),
  restUrl: z._default(url, 'https://api.runware.ai/v1'),
  wsUrl: z._default(url, 'wss://ws-api.runware.ai/v1'),
})

export const SettingsSchema = z.object({
  size: z._default(SizeSchema, { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }),
  numberResults: z._default(z.int().check(z.minimum(1), z.maximum(MAX_RESULTS)), 4),
  endpoint: z._default(EndpointSchema, () => EndpointSchema.parse({})),
  options: z._default(GenerationOptionsSchema, () => GenerationOptionsSchema.parse({})),
  /** The user has read that frames and prompt go to Runware, a third party. */
  consentGiven: z._default(z.boolean(), false),
  lastPrompt: z._default(z.string().check(utf16AtMost(MAX_PROMPT_LENGTH)), ''),
})

export type Settings = z.infer<typeof SettingsSchema>
export type Endpoint = z.infer<typeof EndpointSchema>

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})

/** Stored settings that no longer parse fall back to defaults rather than breaking the plugin. */
export function readSettings(stored: unknown): Settings {
  const parsed = SettingsSchema.safeParse(stored ?? {})
  return parsed.success ? parsed.data : DEFAULT_SETTINGS
}
