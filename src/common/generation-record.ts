import * as z from 'zod/mini'

import { integer } from './integer'
import { parseJsonWith } from './parse-json'
import { MAX_RESULTS } from './protocol/limits'

// What produced a generated node, stored on it as plugin data so the next iteration
// ("Variations", "Reuse settings", history) can start from it. It lives in the document,
// which every collaborator can read: it must never hold the API key.
// zod/mini throughout src/common: it is bundled into both the sandbox and the UI, and the
// classic API would multiply their size (docs/performance.md).

export const MODEL_ID = 'runway:4@2'
export const RECORD_VERSION = 1

const count = integer().check(z.minimum(0))

export const GenerationRecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  runId: z.string().check(z.minLength(1)),
  index: count,
  prompt: z.string(),
  width: integer().check(z.minimum(1)),
  height: integer().check(z.minimum(1)),
  model: z.string(),
  seed: z.optional(integer()),
  taskUUID: z.string(),
  imageUUID: z.string(),
  cost: z.optional(z.number().check(z.minimum(0))),
  outputFormat: z.optional(z.literal(['JPG', 'PNG', 'WEBP'])),
  referenceNodeIds: z.array(z.string()),
  createdAt: z.string(),
  /** How many results the run asked for, so "Reuse settings" restores the count. */
  numberResults: z.optional(integer().check(z.minimum(1), z.maximum(MAX_RESULTS))),
  /** The references' `@tag`s, by position, when the prompt named them. */
  referenceTags: z.optional(z.array(z.string())),
})
export type GenerationRecord = z.infer<typeof GenerationRecordSchema>

export function encodeRecord(record: GenerationRecord): string {
  return JSON.stringify(GenerationRecordSchema.parse(record))
}

/** A record read back from the document; anything unreadable is treated as "no record". */
export function decodeRecord(text: string): GenerationRecord | undefined {
  return parseJsonWith(GenerationRecordSchema, text)
}
