import { z } from 'zod'

// What produced a generated node, stored on it as plugin data so the next iteration
// ("Variations", "Reuse settings", history) can start from it. It lives in the document,
// which every collaborator can read: it must never hold the API key.

export const MODEL_ID = 'runway:4@2'
export const RECORD_KEY = 'generation'
export const RECORD_VERSION = 1

export const GenerationRecordSchema = z.object({
  version: z.literal(RECORD_VERSION),
  runId: z.string().min(1),
  index: z.number().int().min(0),
  prompt: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  model: z.string(),
  seed: z.number().int().optional(),
  taskUUID: z.string(),
  imageUUID: z.string(),
  cost: z.number().nonnegative().optional(),
  outputFormat: z.enum(['JPG', 'PNG', 'WEBP']).optional(),
  referenceNodeIds: z.array(z.string()),
  createdAt: z.string(),
})
export type GenerationRecord = z.infer<typeof GenerationRecordSchema>

export function encodeRecord(record: GenerationRecord): string {
  return JSON.stringify(GenerationRecordSchema.parse(record))
}

/** A record read back from the document; anything unreadable is treated as "no record". */
export function decodeRecord(text: string): GenerationRecord | undefined {
  if (!text) return undefined
  try {
    const parsed = GenerationRecordSchema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
