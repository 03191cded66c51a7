import * as z from 'zod/mini'

import { integer } from '../../src/common/integer'
import { MAX_RESULTS } from '../../src/common/protocol/limits'
import { SizeSchema } from '../../src/common/protocol/run-plan'
import { DEFAULT_SIZE } from '../../src/common/sizes'
import { MAX_PROMPT_LENGTH, utf16AtMost } from '../../src/common/text-limits'
import { GenerationOptionsSchema } from '../runware/generation-options'

// The designer's settings. They are the UI's alone: the sandbox keeps them in clientStorage
// (under settings-v1, src/common/storage-keys.ts) as an opaque object and hands them back in
// `init`, where they are parsed here; a setting that no longer parses gives its default. The API key
// is NOT here: it has its own clientStorage entry and never travels with settings.

/** Runs of more than this many images ask to confirm, until the designer sets otherwise. */
export const DEFAULT_CONFIRM_ABOVE = 8

const url = z.string().check(z.refine((value) => /^(https?|wss?):\/\/\S+$/i.test(value), { message: 'Enter a full URL' }))

export const EndpointSchema = z.object({
  connection: z._default(z.literal(['auto', 'websocket', 'rest']), 'auto'),
  restUrl: z._default(url, 'https://api.runware.ai/v1'),
  wsUrl: z._default(url, 'wss://ws-api.runware.ai/v1'),
})

export const SettingsSchema = z.object({
  size: z._default(SizeSchema, { width: DEFAULT_SIZE.width, height: DEFAULT_SIZE.height }),
  numberResults: z._default(integer().check(z.minimum(1), z.maximum(MAX_RESULTS)), 4),
  endpoint: z._default(EndpointSchema, () => EndpointSchema.parse({})),
  options: z._default(GenerationOptionsSchema, () => GenerationOptionsSchema.parse({})),
  /** The user has read that frames and prompt go to Runware, a third party. */
  consentGiven: z._default(z.boolean(), false),
  lastPrompt: z._default(z.string().check(utf16AtMost(MAX_PROMPT_LENGTH)), ''),
  /** A run of more images than this asks to confirm first; at MAX_RESULTS nothing asks. */
  confirmAbove: z._default(integer().check(z.minimum(1), z.maximum(MAX_RESULTS)), DEFAULT_CONFIRM_ABOVE),
  /** A caption layer under each image on the canvas. */
  captions: z._default(z.boolean(), false),
  /** A provenance annotation on each image, readable by teammates without the plugin. */
  annotations: z._default(z.boolean(), true),
})

export type Settings = z.infer<typeof SettingsSchema>
export type Endpoint = z.infer<typeof EndpointSchema>
/** What the plugin adds around each image on the canvas; the sandbox gets it with each run. */
export type BoardSettings = Pick<Settings, 'captions' | 'annotations'>

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({})

function fieldsOf(stored: unknown): Record<string, unknown> {
  return typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {}
}

/**
 * The fields of `stored` that still parse, each on its own; a field that does not (or that a
 * check across fields refuses, e.g. a time to live without URL output) takes its default.
 */
function readFields<S extends z.ZodMiniObject>(schema: S, stored: unknown): z.infer<S> {
  const source = fieldsOf(stored)
  const kept: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodMiniType>)) {
    if (key in source && field.safeParse(source[key]).success) kept[key] = source[key]
  }
  let parsed = schema.safeParse(kept)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) delete kept[String(issue.path[0])]
    parsed = schema.safeParse(kept)
  }
  return (parsed.success ? parsed.data : schema.parse({})) as z.infer<S>
}

/**
 * Stored settings, read setting by setting: one that no longer parses (an older or newer
 * build wrote it) falls back alone to its default, keeping the consent and all the rest.
 */
export function readSettings(stored: unknown): Settings {
  const source = fieldsOf(stored)
  return readFields(SettingsSchema, {
    ...source,
    endpoint: readFields(EndpointSchema, source.endpoint),
    options: readFields(GenerationOptionsSchema, source.options),
  })
}
