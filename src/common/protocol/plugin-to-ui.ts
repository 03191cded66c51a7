import * as z from 'zod/mini'

import { bytes } from '../bytes'
import { GenerationRecordSchema } from '../generation-record'
import { HistoryEntrySchema, SpendSchema } from '../history'
import { integer } from '../integer'
import { StoredUploadsSchema } from '../stored-uploads'
import { MAX_CANDIDATES } from './limits'
import { messageSchemas, parseMessage, type MessageOf, type ParseResult } from './parse-message'
import { BoardStyleSchema, PendingRunSchema } from './run-plan'

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
  /** What the layer is, so the panel can say "frames", "images" or "layers". */
  kind: z.literal(['frame', 'image', 'layer']),
})
export type ReferenceMeta = z.infer<typeof ReferenceMetaSchema>

// Lists of literals rather than z.enum throughout the UI's schemas: the same verdicts and issues,
// and z.enum's own schema type stays out of the bundle.
export const SelectionStateSchema = z.literal(['ok', 'empty', 'unsupported'])
export type SelectionState = z.infer<typeof SelectionStateSchema>

export const PluginToUiSchemas = messageSchemas({
  init: {
    /**
     * The UI's own settings as stored: the UI reads them with ui/state/settings.ts readSettings.
     * Any value, but the key must be there: a check-free z.custom refuses a missing `settings`
     * (z.custom is in the bundle anyway, every refine is one; z.unknown would be there for this alone).
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
    /** The export pass this report starts (one counter with `references-exported`). */
    selectionId: integer(),
    state: SelectionStateSchema,
    /** Every usable selected node in canvas order (up to MAX_CANDIDATES). */
    references: z.array(ReferenceMetaSchema).check(z.maxLength(MAX_CANDIDATES)),
    /** How many usable nodes were selected (can exceed what is listed). */
    usableCount: integer().check(z.minimum(0)),
    /** The plugin set this selection itself (results at a run's end, Show): not the designer's choice. */
    own: z.boolean(),
  },
  /** The pixels of one node exported in pass `selectionId`; a preview is a small thumbnail, not sent to Runware. */
  'reference-image': { selectionId: integer(), nodeId, image: bytes(), preview: z.optional(z.boolean()) },
  /** Answer to `export-references`, after the images of the nodes found; and the ids that are gone. */
  'references-exported': {
    requestId,
    selectionId: integer(),
    references: z.array(ReferenceMetaSchema).check(z.maxLength(MAX_CANDIDATES)),
    missing: z.array(z.string()),
  },
  /** This page's pinned board style; `gone` names a pinned node that was deleted (and is unpinned now). */
  'board-style': { style: z.nullable(BoardStyleSchema), gone: z.optional(z.string()) },
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
