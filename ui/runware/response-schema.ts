import * as z from 'zod/mini'

import { englishIssue } from './issue-text'
import type { InferenceResult } from './types'

// What Runware sends back. Envelopes vary (runware-api.md §1.1, §3, §5), so they are read
// leniently: unknown fields pass, odd shapes are normalised. Anything handed to the UI
// (results, upload ids) is checked strictly, because that is where a wrong type would hurt.

// A field read leniently: what does not match becomes undefined, as z.catch(…, undefined)
// would. Not z.catch itself: zod/mini's reaches core.util through a namespace, which keeps all
// of zod's util module (~9 KB minified) in the UI bundle.
function lenient<T>(schema: z.ZodMiniType<T>) {
  return z.optional(z.pipe(z.unknown(), z.transform((value): T | undefined => {
    const parsed = schema.safeParse(value)
    return parsed.success ? parsed.data : undefined
  })))
}

const text = lenient(z.string())

export const ApiErrorSchema = z.looseObject({
  code: text,
  message: text,
  parameter: lenient(z.union([z.string(), z.array(z.string())])),
  taskType: text,
  taskUUID: text,
  status: text,
  documentation: text,
})
export type ApiError = z.infer<typeof ApiErrorSchema>

const id = z.string().check(z.minLength(1))

export const ResultItemSchema = z
  .looseObject({
    taskType: z.optional(z.string()),
    taskUUID: id,
    imageUUID: id,
    imageURL: z.optional(id),
    imageBase64Data: z.optional(id),
    imageDataURI: z.optional(id),
    seed: z.optional(z.number()),
    cost: z.optional(z.number()),
    NSFWContent: z.optional(z.boolean()),
  })
  .check(z.refine((item) => Boolean(item.imageURL ?? item.imageBase64Data ?? item.imageDataURI), { message: 'no image field' }))

// runware-api.md §5: `imageUUID` always; `imageURL` only in some documented shapes.
export const UploadItemSchema = z.looseObject({
  taskType: z.optional(z.literal('imageUpload')),
  taskUUID: z.optional(z.string()),
  imageUUID: id,
  imageURL: text,
})

const AuthItemSchema = z.looseObject({ taskType: z.literal('authentication'), connectionSessionUUID: id })

export interface Envelope {
  data: Record<string, unknown>[]
  errors: ApiError[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toError(value: unknown, extra: Partial<ApiError> = {}): ApiError {
  if (!isRecord(value)) return { message: String(value), ...extra }
  return { ...ApiErrorSchema.parse(value), ...extra }
}

/**
 * getResponse moves failed generations to `errors`, but the SDK's schema also allows an item
 * in `data` with `status: 'error'` and a nested `error: {code, message}` (runware-api.md §3).
 */
function splitItems(items: unknown[], envelope: Envelope): void {
  for (const item of items) {
    if (!isRecord(item)) continue
    if (item.status === 'error') {
      const nested = isRecord(item.error) ? item.error : {}
      envelope.errors.push(toError({ ...item, ...nested }))
    } else envelope.data.push(item)
  }
}

/** Reads any reply shape the reference lists; undefined when the body is none of them. */
export function readEnvelope(body: unknown): Envelope | undefined {
  const envelope: Envelope = { data: [], errors: [] }
  if (Array.isArray(body)) {
    // A bare array: the SDK treats it as a list of error objects (runware-api.md §1.1).
    for (const item of body) {
      if (isRecord(item) && (typeof item.code === 'string' || (item.message !== undefined && !('imageUUID' in item)))) {
        envelope.errors.push(toError(item))
      } else splitItems([item], envelope)
    }
    return envelope
  }
  if (!isRecord(body)) return undefined
  const { data, errors, error } = body
  if (data === undefined && errors === undefined && error === undefined) return undefined
  if (Array.isArray(data)) splitItems(data, envelope)
  else if (isRecord(data)) splitItems([data], envelope) // imageUpload: `data` as an object
  else if (data !== undefined && data !== null) return undefined
  if (Array.isArray(errors)) for (const item of errors) envelope.errors.push(toError(item))
  else if (errors !== undefined && errors !== null) return undefined
  if (error !== undefined && error !== null) {
    // Legacy: `{error: {code, message}, taskUUID}` (runware-api.md §1.1).
    const taskUUID = typeof body.taskUUID === 'string' ? body.taskUUID : undefined
    envelope.errors.push(toError(error, taskUUID ? { taskUUID } : {}))
  }
  return envelope
}

export type ReplyItem =
  | { kind: 'result'; result: InferenceResult }
  | { kind: 'pending'; taskUUID?: string }
  | { kind: 'ack'; taskUUID: string }
  | { kind: 'upload'; imageUUID: string; imageURL?: string }
  | { kind: 'auth'; connectionSessionUUID: string }
  | { kind: 'pong' }
  | { kind: 'invalid'; reason: string }

export function toInferenceResult(item: z.infer<typeof ResultItemSchema>): InferenceResult {
  const result: InferenceResult = { taskUUID: item.taskUUID, imageUUID: item.imageUUID }
  for (const key of ['seed', 'cost', 'NSFWContent', 'imageURL', 'imageBase64Data', 'imageDataURI'] as const) {
    if (item[key] !== undefined) Object.assign(result, { [key]: item[key] })
  }
  return result
}

/** What one `data` item is. A getResponse item with any status but success is "not done". */
export function readItem(item: Record<string, unknown>): ReplyItem {
  if (item.taskType === 'authentication') {
    const auth = AuthItemSchema.safeParse(item)
    return auth.success ? { kind: 'auth', connectionSessionUUID: auth.data.connectionSessionUUID } : { kind: 'invalid', reason: 'authentication reply without connectionSessionUUID' }
  }
  if (item.taskType === 'ping') return { kind: 'pong' }
  if ('status' in item && item.status !== 'success') {
    return { kind: 'pending', taskUUID: typeof item.taskUUID === 'string' ? item.taskUUID : undefined }
  }
  if (item.taskType === 'imageUpload') {
    const upload = UploadItemSchema.safeParse(item)
    if (!upload.success) return { kind: 'invalid', reason: 'imageUpload reply without imageUUID' }
    return upload.data.imageURL ? { kind: 'upload', imageUUID: upload.data.imageUUID, imageURL: upload.data.imageURL } : { kind: 'upload', imageUUID: upload.data.imageUUID }
  }
  if ('imageUUID' in item) {
    const result = ResultItemSchema.safeParse(item, { error: englishIssue })
    if (!result.success) return { kind: 'invalid', reason: `result item: ${result.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` }
    return { kind: 'result', result: toInferenceResult(result.data) }
  }
  if (typeof item.taskUUID === 'string') return { kind: 'ack', taskUUID: item.taskUUID }
  return { kind: 'invalid', reason: 'item without taskUUID' }
}
