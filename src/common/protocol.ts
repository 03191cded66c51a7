import * as z from 'zod/mini'

import { GenerationRecordSchema } from './generation-record'
import { HistoryEntrySchema, SpendSchema } from './history'
import { StoredUploadsSchema } from './stored-uploads'
import { SettingsSchema, SizeSchema, MAX_RESULTS } from './settings'
import { MAX_PROMPT_LENGTH, utf16AtMost } from './text-limits'

// The one message protocol between the plugin sandbox (src/) and the UI iframe (ui/).
// Both sides parse every message on arrival with these schemas: postMessage is exactly
// where types lie, so an invalid message is refused with a logged reason and never
// half-applied. Only plain data and Uint8Array cross (figma-platform.md §2.2), and each
// image travels in its own message.

const bytes = z.instanceof(Uint8Array)
const requestId = z.string().check(z.minLength(1))
const nodeId = z.string().check(z.minLength(1))

export const MAX_REFERENCES = 3
export { MAX_PROMPT_LENGTH }

/** A selected node usable as a reference, as the UI shows it before its pixels arrive. */
export const ReferenceMetaSchema = z.object({
  nodeId,
  name: z.string(),
  /** The node's size on the canvas. */
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
  /** The exported image's pixel size (longest side capped for the model). */
  pixelWidth: z.int().check(z.positive()),
  pixelHeight: z.int().check(z.positive()),
})
export type ReferenceMeta = z.infer<typeof ReferenceMetaSchema>

export const SelectionStateSchema = z.enum(['ok', 'empty', 'too-many', 'unsupported'])
export type SelectionState = z.infer<typeof SelectionStateSchema>

/** Where a run's results go: decided by the sandbox, carried out one result at a time. */
export const RunPlanSchema = z.object({
  runId: z.string().check(z.minLength(1)),
  prompt: z.string().check(z.trim(), z.minLength(1), utf16AtMost(MAX_PROMPT_LENGTH)),
  size: SizeSchema,
  count: z.int().check(z.minimum(1), z.maximum(MAX_RESULTS)),
  referenceNodeIds: z.array(nodeId).check(z.minLength(1), z.maxLength(MAX_REFERENCES)),
})
export type RunPlan = z.infer<typeof RunPlanSchema>

/** A run whose task reached Runware but whose results are not all placed (issue 6: recovery). */
export const PendingRunSchema = z.object({
  taskUUID: z.string().check(z.minLength(1)),
  plan: RunPlanSchema,
  /** imageUUIDs already on the canvas, so a recovery does not place them twice. */
  placedImageUUIDs: z.array(z.string()),
  /** Milliseconds since the epoch, from the sandbox's clock. */
  sentAt: z.number(),
})
export type PendingRun = z.infer<typeof PendingRunSchema>

// ── UI → sandbox ─────────────────────────────────────────────────────────────────────────

export const UiToPluginSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-key'), key: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)) }),
  z.object({ type: z.literal('forget-key') }),
  z.object({ type: z.literal('refresh-references') }),
  /** Create one placeholder per result at its final place; answered by `run-started`. */
  z.object({ type: z.literal('run-start'), requestId, plan: RunPlanSchema }),
  /** One finished image (PNG, JPEG or GIF bytes) for slot `index`; answered by `result-placed`. */
  z.object({
    type: z.literal('place-result'),
    requestId,
    runId: z.string().check(z.minLength(1)),
    index: z.int().check(z.minimum(0), z.maximum(MAX_RESULTS - 1)),
    image: bytes,
    record: GenerationRecordSchema,
  }),
  /** URL output the UI could not download (CORS, network): the sandbox fetches it with createImageAsync. */
  z.object({
    type: z.literal('place-result-url'),
    requestId,
    runId: z.string().check(z.minLength(1)),
    index: z.int().check(z.minimum(0), z.maximum(MAX_RESULTS - 1)),
    url: z.string().check(z.minLength(1), z.maxLength(2048)),
    record: GenerationRecordSchema,
  }),
  /** The run's task is about to go to Runware: kept in clientStorage until `run-end`, for recovery. */
  z.object({ type: z.literal('task-sent'), runId: z.string().check(z.minLength(1)), taskUUID: z.string().check(z.minLength(1)) }),
  /** A recovery attempt for this task is over (placed or not): its pending entry goes. */
  z.object({ type: z.literal('pending-run-cleared'), taskUUID: z.string().check(z.minLength(1)) }),
  z.object({ type: z.literal('result-failed'), runId: z.string().check(z.minLength(1)), index: z.int().check(z.minimum(0)), message: z.string() }),
  /** The run is over: placeholders left unfilled are cleared, results selected, one undo step. */
  z.object({
    type: z.literal('run-end'),
    runId: z.string().check(z.minLength(1)),
    outcome: z.enum(['done', 'cancelled', 'failed']),
  }),
  z.object({ type: z.literal('notify'), message: z.string().check(z.maxLength(500)), error: z.optional(z.boolean()) }),
  z.object({ type: z.literal('resize-ui'), width: z.int().check(z.minimum(200), z.maximum(1200)), height: z.int().check(z.minimum(200), z.maximum(1600)) }),
  z.object({ type: z.literal('select-nodes'), requestId, nodeIds: z.array(nodeId) }),
  // History (issue 5): the sandbox keeps it in clientStorage and answers each with `history`.
  z.object({ type: z.literal('history-list') }),
  z.object({ type: z.literal('history-add'), entry: HistoryEntrySchema }),
  z.object({ type: z.literal('history-remove'), id: z.string().check(z.minLength(1)) }),
  /** A Quick Actions run is over: close the hidden plugin with this message as the toast. */
  z.object({ type: z.literal('close-plugin'), message: z.string().check(z.maxLength(500)) }),
  /** The upload cache changed (content hash → imageUUID): the sandbox keeps it for the next launch. */
  z.object({ type: z.literal('save-uploads'), entries: StoredUploadsSchema }),
])
export type UiToPlugin = z.infer<typeof UiToPluginSchema>

// ── sandbox → UI ─────────────────────────────────────────────────────────────────────────

export const PluginToUiSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    settings: SettingsSchema,
    /** The key goes to the UI only: it is the side that talks to Runware. */
    apiKey: z.nullable(z.string()),
    editorType: z.enum(['figma', 'figjam']),
    command: z.string(),
    /** The upload cache saved by an earlier launch (absent from older sandboxes). */
    uploads: z.optional(StoredUploadsSchema),
  }),
  z.object({ type: z.literal('key-state'), apiKey: z.nullable(z.string()) }),
  z.object({
    type: z.literal('selection'),
    selectionId: z.int(),
    state: SelectionStateSchema,
    references: z.array(ReferenceMetaSchema).check(z.maxLength(MAX_REFERENCES)),
    /** How many usable nodes were selected (can exceed the maximum). */
    usableCount: z.int().check(z.minimum(0)),
  }),
  /** The pixels of one reference of the latest `selection`. */
  z.object({ type: z.literal('reference-image'), selectionId: z.int(), nodeId, image: bytes }),
  z.object({ type: z.literal('selected-record'), nodeId: z.nullable(nodeId), record: z.nullable(GenerationRecordSchema) }),
  /** Runs cut short by a close, sent once after `init`; the UI tries to recover them. */
  z.object({ type: z.literal('pending-runs'), runs: z.array(PendingRunSchema) }),
  z.object({ type: z.literal('run-started'), requestId, slotNodeIds: z.array(nodeId) }),
  z.object({ type: z.literal('result-placed'), requestId, nodeId }),
  z.object({ type: z.literal('nodes-selected'), requestId, found: z.int().check(z.minimum(0)) }),
  /** Past runs, newest first, and the spend so far. */
  z.object({ type: z.literal('history'), entries: z.array(HistoryEntrySchema), spend: SpendSchema }),
  /** A request the sandbox could not carry out, in words for the designer. */
  z.object({ type: z.literal('request-failed'), requestId, message: z.string() }),
])
export type PluginToUi = z.infer<typeof PluginToUiSchema>

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string }

function parseWith<T>(schema: z.ZodMiniType<T>, raw: unknown): ParseResult<T> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, message: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown'
  return { ok: false, reason: `message '${type}' refused${where}: ${describeIssue(issue)}` }
}

// zod/mini carries no locale texts (they would triple the sandbox bundle), so a generic
// "Invalid input" is spelled out from the issue's code for the log.
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid'
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  const expected = 'expected' in issue && issue.expected !== undefined ? `, expected ${String(issue.expected)}` : ''
  return `${issue.code}${expected}`
}

export function parseUiToPlugin(raw: unknown): ParseResult<UiToPlugin> {
  return parseWith(UiToPluginSchema, raw)
}

export function parsePluginToUi(raw: unknown): ParseResult<PluginToUi> {
  return parseWith(PluginToUiSchema, raw)
}
