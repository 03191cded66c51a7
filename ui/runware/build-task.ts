import { v4 as uuidv4 } from 'uuid'

import type { GenerationOptions } from './generation-options'
import { MODEL_ID } from '../../src/common/generation-record'
import { RunwareError } from './errors'
import { englishIssue } from './issue-text'
import { InferenceTaskSchema, type InferenceTask } from './task-schema'
import { describeIssue, firstIssue } from './validation-messages'

// Builds the imageInference task from what the form holds and checks it against the model's
// schema before anything is sent, so a mistake costs nothing and names the field to fix.

export interface BuildTaskInput {
  prompt: string
  width: number
  height: number
  numberResults: number
  /** 1–3 uploaded image UUIDs, URLs, data URIs or base64 strings. */
  referenceImages: readonly string[]
  /** One tag per reference, when the prompt names them by `@tag`: sent as `{ image, tag }` objects. */
  referenceTags?: readonly string[]
  options: GenerationOptions
  /** Fixed in tests; a fresh UUID v4 otherwise. */
  taskUUID?: string
}

export type BuildTaskResult = { ok: true; task: InferenceTask } | { ok: false; error: RunwareError }

/**
 * Runware: `checkContent: true` means "check, in fast mode by default", but an explicit
 * `mode` overrides it. Stored options default `mode` to 'none', so sending
 * both as stored would switch checking off exactly when the user switched it on.
 */
function safetyField(safety: GenerationOptions['safety']): InferenceTask['safety'] {
  if (!safety.checkContent && safety.mode === 'none') return undefined // Runware's default: omitting is identical
  if (safety.checkContent && safety.mode === 'none') return { checkContent: true }
  return { checkContent: safety.checkContent, mode: safety.mode }
}

function referenceImagesField(input: BuildTaskInput): unknown[] {
  const tags = input.referenceTags
  if (!tags) return [...input.referenceImages]
  return input.referenceImages.map((image, i) => ({ image, tag: tags[i] }))
}

export function taskFromInput(input: BuildTaskInput): Record<string, unknown> {
  const o = input.options
  const task: Record<string, unknown> = {
    taskType: 'imageInference',
    taskUUID: input.taskUUID ?? uuidv4(),
    model: MODEL_ID,
    positivePrompt: input.prompt,
    // Always explicit: the default size for runway:4@2 is undocumented.
    width: input.width,
    height: input.height,
    numberResults: input.numberResults,
    outputType: o.outputType,
    outputFormat: o.outputFormat,
    outputQuality: o.outputQuality,
    deliveryMethod: o.deliveryMethod,
    inputs: { referenceImages: referenceImagesField(input) },
    providerSettings: { runway: { contentModeration: { publicFigureThreshold: o.publicFigureThreshold } } },
  }
  if (o.webhookURL !== undefined) task.webhookURL = o.webhookURL
  if (o.uploadEndpoint !== undefined) task.uploadEndpoint = o.uploadEndpoint
  if (o.ttl !== undefined) task.ttl = o.ttl
  // includeCost defaults to false on Runware, so leaving it out when false changes nothing.
  if (o.includeCost) task.includeCost = true
  const safety = safetyField(o.safety)
  if (safety) task.safety = safety
  return task
}

/** Checks any candidate task against the task schema; the error names the first bad field. */
export function validateInferenceTask(candidate: unknown): BuildTaskResult {
  const parsed = InferenceTaskSchema.safeParse(candidate, { error: englishIssue })
  if (parsed.success) return { ok: true, task: parsed.data }
  const issue = firstIssue(parsed.error.issues)!
  const problem = describeIssue(issue, candidate)
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'task'}: ${i.message}`).join('; ')
  const taskUUID = (candidate as { taskUUID?: unknown } | null)?.taskUUID
  return {
    ok: false,
    error: new RunwareError({
      kind: 'validation',
      message: problem.message,
      field: problem.field,
      detail,
      retryable: false,
      notAccepted: true,
      taskUUID: typeof taskUUID === 'string' ? taskUUID : undefined,
    }),
  }
}

export function buildInferenceTask(input: BuildTaskInput): BuildTaskResult {
  return validateInferenceTask(taskFromInput(input))
}
