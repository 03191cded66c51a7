import * as z from 'zod/mini'

import { bytes } from '../bytes'
import { GenerationRecordSchema } from '../generation-record'
import { HistoryEntrySchema } from '../history'
import { integer } from '../integer'
import { StoredUploadsSchema } from '../stored-uploads'
import { MAX_CANDIDATES, MAX_RESULTS } from './limits'
import { messageSchemas, parseMessage, type MessageOf, type ParseResult } from './parse-message'
import { BoardStyleSchema, RunPlanSchema } from './run-plan'

// UI → sandbox: the messages the sandbox parses on arrival. Only the sandbox bundles these
// schemas; the UI sends with the type alone, and the sandbox answers a refused request with
// `request-failed`. Only plain data and Uint8Array cross (no Blob or ArrayBuffer), and each
// image travels in its own message.

const requestId = z.string().check(z.minLength(1))
const runId = z.string().check(z.minLength(1))
/** Far above what the UI's settings take (a few hundred bytes), far below clientStorage's 5 MB. */
export const MAX_SETTINGS_JSON_LENGTH = 64 * 1024

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isSmallJson(value: unknown): boolean {
  try {
    return JSON.stringify(value).length <= MAX_SETTINGS_JSON_LENGTH
  } catch {
    return false // cyclic, or a BigInt: nothing clientStorage should keep as settings
  }
}

/**
 * The UI's settings as the sandbox sees them: any JSON object, kept under settings-v1 and handed
 * back in `init`. Their shape is the UI's business (ui/state/settings.ts parses them on
 * arrival); the sandbox only bounds their size, and reads nothing but the last prompt.
 */
export const StoredSettingsSchema = z
  // a custom check rather than z.looseObject: the sandbox never reads a field of them, and
  // this keeps zod's catch-all object parsing out of its bundle
  .custom<Record<string, unknown>>(isJsonObject, 'Settings must be a JSON object')
  .check(z.refine(isSmallJson, `Settings must be JSON of at most ${MAX_SETTINGS_JSON_LENGTH} characters`))
export type StoredSettings = z.infer<typeof StoredSettingsSchema>

const slot = integer().check(z.minimum(0), z.maximum(MAX_RESULTS - 1))

export const UiToPluginSchemas = messageSchemas({
  'ui-ready': {},
  'save-settings': { settings: StoredSettingsSchema },
  'save-key': { key: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) },
  'forget-key': {},
  /** Create one placeholder per result at its final place; answered by `run-started`. */
  'run-start': { requestId, plan: RunPlanSchema },
  /** One finished image (PNG, JPEG or GIF bytes) for slot `index`; answered by `result-placed`. */
  'place-result': { requestId, runId, index: slot, image: bytes(), record: GenerationRecordSchema },
  /** URL output the UI could not download (CORS, network): the sandbox fetches it with createImageAsync. */
  'place-result-url': {
    requestId,
    runId,
    index: slot,
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    record: GenerationRecordSchema,
  },
  /** The run's task is about to go to Runware: kept in clientStorage for recovery; answered by `task-saved`. */
  'task-sent': { requestId, runId, taskUUID: z.string().check(z.minLength(1)) },
  /** A recovery attempt for this task is over (placed or not): its pending entry goes. */
  'pending-run-cleared': { taskUUID: z.string().check(z.minLength(1)) },
  'result-failed': { runId, index: integer().check(z.minimum(0)), message: z.string() },
  /**
   * The run is over: placeholders left unfilled are cleared, results selected, one undo step.
   * An interrupted run keeps its pending entry: its task may still be running at Runware.
   */
  'run-end': { runId, outcome: z.literal(['done', 'cancelled', 'failed', 'interrupted']) },
  notify: { message: z.string().check(z.maxLength(500)), error: z.optional(z.literal([true, false])) },
  'resize-ui': { width: integer().check(z.minimum(200), z.maximum(1200)), height: integer().check(z.minimum(200), z.maximum(1600)) },
  /** Select and show nodes; the plugin's own selection unless `asReferences` offers them as the designer's references. */
  'select-nodes': { requestId, nodeIds: z.array(z.string().check(z.minLength(1))), asReferences: z.optional(z.boolean()) },
  /** Export these nodes as references (full size, or small previews); answered by `references-exported` once their images are sent. */
  'export-references': {
    requestId,
    nodeIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_CANDIDATES)),
    preview: z.optional(z.boolean()),
  },
  /** Pin (or with null unpin) this page's board style, kept in the page's plugin data. */
  'pin-style': { style: z.nullable(BoardStyleSchema) },
  // History: the sandbox keeps it in clientStorage and answers each with `history`.
  'history-list': {},
  'history-add': { entry: HistoryEntrySchema },
  'history-remove': { id: z.string().check(z.minLength(1)) },
  /** A Quick Actions run is over: close the hidden plugin with this message as the toast. */
  'close-plugin': { message: z.string().check(z.maxLength(500)) },
  /** The upload cache changed (content hash → imageUUID): the sandbox keeps it for the next launch. */
  'save-uploads': { entries: StoredUploadsSchema },
})
export type UiToPlugin = MessageOf<typeof UiToPluginSchemas>

export function parseUiToPlugin(raw: unknown): ParseResult<UiToPlugin> {
  return parseMessage(UiToPluginSchemas, raw)
}
