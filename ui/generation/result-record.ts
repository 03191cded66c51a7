import type { GenerationOptions } from '../runware/generation-options'
import { MODEL_ID, RECORD_VERSION, type GenerationRecord } from '../../src/common/generation-record'
import type { InferenceResult } from '../runware/types'

// What produced one placed image, stored on its node so the next iteration starts from it.
// It lives in the document, readable by every collaborator: nothing secret goes in.

export interface RecordContext {
  runId: string
  taskUUID: string
  prompt: string
  size: { width: number; height: number }
  options: GenerationOptions
  referenceNodeIds: string[]
  createdAt: Date
  /** How many results the run asked for ("Reuse settings" restores it). */
  numberResults?: number
  /** The references' tags by position, when the prompt named them. */
  referenceTags?: string[]
}

export function resultRecord(result: InferenceResult, index: number, context: RecordContext): GenerationRecord {
  const record: GenerationRecord = {
    version: RECORD_VERSION,
    runId: context.runId,
    index,
    prompt: context.prompt,
    width: context.size.width,
    height: context.size.height,
    model: MODEL_ID,
    taskUUID: result.taskUUID || context.taskUUID,
    imageUUID: result.imageUUID,
    outputFormat: context.options.outputFormat,
    referenceNodeIds: context.referenceNodeIds,
    createdAt: context.createdAt.toISOString(),
  }
  // the record schema wants a safe integer seed and a non-negative cost, or none at all
  if (typeof result.seed === 'number' && Number.isSafeInteger(result.seed)) record.seed = result.seed
  if (context.numberResults !== undefined) record.numberResults = context.numberResults
  if (context.referenceTags) record.referenceTags = context.referenceTags
  if (typeof result.cost === 'number' && Number.isFinite(result.cost) && result.cost >= 0) record.cost = result.cost
  return record
}
