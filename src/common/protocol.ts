import { z } from 'zod'

import { GenerationRecordSchema } from './generation-record'
import { SettingsSchema, SizeSchema, MAX_RESULTS } from './settings'

// The one message protocol between the plugin sandbox (src/) and the UI iframe (ui/).
// Both sides parse every message on arrival with these schemas: postMessage is exactly
// where types lie, so an invalid message is refused with a logged reason and never
// half-applied. Only plain data and Uint8Array cross (figma-platform.md §2.2), and each
// image travels in its own message.

const bytes = z.instanceof(Uint8Array)
const requestId = z.string().min(1)
const nodeId = z.string().min(1)

export const MAX_REFERENCES = 3
export const MAX_PROMPT_LENGTH = 1000

/** A selected node usable as a reference, as the UI shows it before its pixels arrive. */
export const ReferenceMetaSchema = z.object({
  nodeId,
  name: z.string(),
  /** The node's size on the canvas. */
  width: z.number().positive(),
  height: z.number().positive(),
  /** The exported image's pixel size (longest side capped for the model). */
  pixelWidth: z.number().int().positive(),
  pixelHeight: z.number().int().positive(),
})
export type ReferenceMeta = z.infer<typeof ReferenceMetaSchema>

export const SelectionStateSchema = z.enum(['ok', 'empty', 'too-many', 'unsupported'])
export type SelectionState = z.infer<typeof SelectionStateSchema>

/** Where a run's results go: decided by the sandbox, carried out one result at a time. */
export const RunPlanSchema = z.object({
  runId: z.string().min(1),
  prompt: z.string().trim().min(1).max(MAX_PROMPT_LENGTH),
  size: SizeSchema,
  count: z.number().int().min(1).max(MAX_RESULTS),
  referenceNodeIds: z.array(nodeId).min(1).max(MAX_REFERENCES),
})
export type RunPlan = z.infer<typeof RunPlanSchema>

// ── UI → sandbox ─────────────────────────────────────────────────────────────────────────

export const UiToPluginSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui-ready') }),
  z.object({ type: z.literal('save-settings'), settings: SettingsSchema }),
  z.object({ type: z.literal('save-key'), key: z.string().trim().min(1).max(500) }),
  z.object({ type: z.literal('forget-key') }),
  z.object({ type: z.literal('refresh-references') }),
  /** Create one placeholder per result at its final place; answered by `run-started`. */
  z.object({ type: z.literal('run-start'), requestId, plan: RunPlanSchema }),
  /** One finished image (PNG, JPEG or GIF bytes) for slot `index`; answered by `result-placed`. */
  z.object({
    type: z.literal('place-result'),
    requestId,
    runId: z.string().min(1),
    index: z.number().int().min(0).max(MAX_RESULTS - 1),
    image: bytes,
    record: GenerationRecordSchema,
  }),
  z.object({ type: z.literal('result-failed'), runId: z.string().min(1), index: z.number().int().min(0), message: z.string() }),
  /** The run is over: placeholders left unfilled are cleared, results selected, one undo step. */
  z.object({
    type: z.literal('run-end'),
    runId: z.string().min(1),
    outcome: z.enum(['done', 'cancelled', 'failed']),
  }),
  z.object({ type: z.literal('notify'), message: z.string().max(500), error: z.boolean().optional() }),
  z.object({ type: z.literal('resize-ui'), width: z.number().int().min(200).max(1200), height: z.number().int().min(200).max(1600) }),
  z.object({ type: z.literal('select-nodes'), requestId, nodeIds: z.array(nodeId) }),
])
export type UiToPlugin = z.infer<typeof UiToPluginSchema>

// ── sandbox → UI ─────────────────────────────────────────────────────────────────────────

export const PluginToUiSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('init'),
    settings: SettingsSchema,
    /** The key goes to the UI only: it is the side that talks to Runware. */
    apiKey: z.string().nullable(),
    editorType: z.enum(['figma', 'figjam']),
    command: z.string(),
  }),
  z.object({ type: z.literal('key-state'), apiKey: z.string().nullable() }),
  z.object({
    type: z.literal('selection'),
    selectionId: z.number().int(),
    state: SelectionStateSchema,
    references: z.array(ReferenceMetaSchema).max(MAX_REFERENCES),
    /** How many usable nodes were selected (can exceed the maximum). */
    usableCount: z.number().int().min(0),
  }),
  /** The pixels of one reference of the latest `selection`. */
  z.object({ type: z.literal('reference-image'), selectionId: z.number().int(), nodeId, image: bytes }),
  z.object({ type: z.literal('selected-record'), nodeId: nodeId.nullable(), record: GenerationRecordSchema.nullable() }),
  z.object({ type: z.literal('run-started'), requestId, slotNodeIds: z.array(nodeId) }),
  z.object({ type: z.literal('result-placed'), requestId, nodeId }),
  z.object({ type: z.literal('nodes-selected'), requestId, found: z.number().int().min(0) }),
  /** A request the sandbox could not carry out, in words for the designer. */
  z.object({ type: z.literal('request-failed'), requestId, message: z.string() }),
])
export type PluginToUi = z.infer<typeof PluginToUiSchema>

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string }

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, message: parsed.data }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown'
  return { ok: false, reason: `message '${type}' refused${where}: ${issue?.message ?? 'invalid'}` }
}

export function parseUiToPlugin(raw: unknown): ParseResult<UiToPlugin> {
  return parseWith(UiToPluginSchema, raw)
}

export function parsePluginToUi(raw: unknown): ParseResult<PluginToUi> {
  return parseWith(PluginToUiSchema, raw)
}
