import * as z from 'zod/mini'

import { bytes } from '../bytes'
import { GenerationRecordSchema } from '../generation-record'
import { HistoryEntrySchema, SpendSchema } from '../history'
import { integer } from '../integer'
import { StoredUploadsSchema } from '../stored-uploads'
import { MAX_REFERENCES } from './limits'
import { messageSchemas, parseMessage, type MessageOf, type ParseResult } from './parse-message'
import { PendingRunSchema } from './run-plan'

// Sandbox → UI: the messages the UI parses on arrival. Only the UI bundles these schemas;
// the sandbox sends with the type alone.

const requestId = z.string().check(z.minLength(1))
const nodeId = z.string().check(z.minLength(1))

/** A selected node usable as a reference, as the UI shows it before its pixels arrive. */
export const ReferenceMetaSchema = z.object({
  nodeId,
  name: z.string(),
  /** The node's size on the canvas. */
  width: z.number().check(z.positive()),
  height: z.number().check(z.positive()),
  /** The exported image's pixel size (longest side capped for the model). */
  pixelWidth: integer().check(z.positive()),
  pixelHeight: integer().check(z.positive()),
})
export type ReferenceMeta = z.infer<typeof ReferenceMetaSchema>

// Lists of literals rather than z.enum throughout the UI's schemas: the same verdicts and issues,
// and z.enum's own schema type stays out of the bundle.
export const SelectionStateSchema = z.literal(['ok', 'empty', 'too-many', 'unsupported'])
export type SelectionState = z.infer<typeof SelectionStateSchema>

export const PluginToUiSchemas = messageSchemas({
  init: {
    /**
     * The UI's own settings as stored: the UI reads them with ui/state/settings.ts readSettings.
     * Any value, as z.unknown() takes (a missing key included), but as a check-free z.custom:
     * custom is in the bundle anyway (every refine is one), unknown would be there for this alone.
     */
    settings: z.custom<unknown>(),
    /** The key goes to the UI only: it is the side that talks to Runware. */
    apiKey: z.nullable(z.string()),
    editorType: z.literal(['figma', 'figjam']),
    command: z.string(),
    /** The upload cache saved by an earlier launch (absent from older sandboxes). */
    uploads: z.optional(StoredUploadsSchema),
  },
  'key-state': { apiKey: z.nullable(z.string()) },
  selection: {
    selectionId: integer(),
    state: SelectionStateSchema,
    references: z.array(ReferenceMetaSchema).check(z.maxLength(MAX_REFERENCES)),
    /** How many usable nodes were selected (can exceed the maximum). */
    usableCount: integer().check(z.minimum(0)),
  },
  /** The pixels of one reference of the latest `selection`. */
  'reference-image': { selectionId: integer(), nodeId, image: bytes() },
  'selected-record': { nodeId: z.nullable(nodeId), record: z.nullable(GenerationRecordSchema) },
  /** Runs cut short by a close, sent once after `init`; the UI tries to recover them. */
  'pending-runs': { runs: z.array(PendingRunSchema) },
  /** Storage refused to keep this run's task for recovery: a close mid-run would lose it. */
  'run-started': { requestId, slotNodeIds: z.array(nodeId) },
  'result-placed': { requestId, nodeId },
  /** The run's pending entry is in clientStorage: its task may go to Runware now. */
  'task-saved': { requestId },
  'nodes-selected': { requestId, found: integer().check(z.minimum(0)) },
  /** Past runs, newest first, and the spend so far. */
  history: { entries: z.array(HistoryEntrySchema), spend: SpendSchema },
  /** A request the sandbox could not carry out, in words for the designer. */
  'request-failed': { requestId, message: z.string() },
})
export type PluginToUi = MessageOf<typeof PluginToUiSchemas>

export function parsePluginToUi(raw: unknown): ParseResult<PluginToUi> {
  return parseMessage(PluginToUiSchemas, raw)
}
