import * as z from 'zod/mini'

import { englishIssue } from './issue-text'
import { MAX_CODE_CHARS, MAX_ID_CHARS, MAX_MESSAGE_CHARS, MAX_RESULT_BASE64_CHARS, MAX_URL_CHARS } from './result-bounds'
import type { InferenceResult } from './types'

// What Runware sends back. Envelopes vary (REST, getResponse, imageUpload), so they are read
// leniently: unknown fields pass, odd shapes are normalised. Anything handed to the UI
// (results, upload ids) is checked strictly, because that is where a wrong type would hurt.

// Error objects are read leniently, field by field: a known field of the wrong type becomes
// undefined (what z.catch(…, undefined) would give), unknown fields pass. Plain code rather
// than a schema: nothing here can fail, and zod's pipe, transform and union would be bundled
// for it alone.

export interface ApiError {
  code?: string
  message?: string
  parameter?: string | string[]
  taskType?: string
  taskUUID?: string
  status?: string
  documentation?: string
  [field: string]: unknown
}

const TEXT_FIELDS = ['code', 'message', 'taskType', 'taskUUID', 'status', 'documentation'] as const

// Error texts end up in the designer's message and details: an absurdly long one is cut, not
// refused, so the error it carries is still told.
const TEXT_BOUNDS: Record<(typeof TEXT_FIELDS)[number] | 'parameter', number> = {
  code: MAX_CODE_CHARS,
  message: MAX_MESSAGE_CHARS,
  taskType: MAX_CODE_CHARS,
  taskUUID: MAX_ID_CHARS,
  status: MAX_CODE_CHARS,
  documentation: MAX_URL_CHARS,
  parameter: MAX_CODE_CHARS,
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}

function isParameter(value: unknown): value is string | string[] {
  return typeof value === 'string' || (Array.isArray(value) && value.length <= 32 && value.every((item) => typeof item === 'string'))
}

export function readApiError(value: Record<string, unknown>): ApiError {
  const error: ApiError = { ...value }
  for (const field of TEXT_FIELDS) {
    if (field in value) error[field] = typeof value[field] === 'string' ? bounded(value[field], TEXT_BOUNDS[field]) : undefined
  }
  if ('parameter' in value) {
    const parameter = value.parameter
    error.parameter = !isParameter(parameter)
      ? undefined
      : typeof parameter === 'string'
        ? bounded(parameter, TEXT_BOUNDS.parameter)
        : parameter.map((name) => bounded(name, TEXT_BOUNDS.parameter))
  }
  return error
}

// Items are z.object, not z.looseObject: unknown fields pass all the same, and are only left
// out of the parsed copy, from which nothing but the fields below is read. looseObject's
// catch-all would bring z.unknown into the bundle for nothing.
// Every string has a bound (result-bounds.ts says why each): a reply is read before anything
// is decoded, so an absurd one is refused here, item by item.
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max))
const id = text(MAX_ID_CHARS)
const image = text(MAX_RESULT_BASE64_CHARS)

export const ResultItemSchema = z
  .object({
    taskType: z.optional(z.string().check(z.maxLength(MAX_CODE_CHARS))),
    taskUUID: id,
    imageUUID: id,
    imageURL: z.optional(text(MAX_URL_CHARS)),
    imageBase64Data: z.optional(image),
    imageDataURI: z.optional(image),
    seed: z.optional(z.number()),
    cost: z.optional(z.number()),
    NSFWContent: z.optional(z.boolean()),
  })
  .check(z.refine((item) => Boolean(item.imageURL ?? item.imageBase64Data ?? item.imageDataURI), { message: 'no image field' }))

// Uploads: `imageUUID` always; `imageURL` only in some documented shapes.
export const UploadItemSchema = z.object({
  taskType: z.optional(z.literal('imageUpload')),
  taskUUID: z.optional(id),
  imageUUID: id,
})

const AuthItemSchema = z.object({ taskType: z.literal('authentication'), connectionSessionUUID: id })

export interface Envelope {
  data: Record<string, unknown>[]
  errors: ApiError[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function toError(value: unknown, extra: Partial<ApiError> = {}): ApiError {
  if (!isRecord(value)) return { message: String(value), ...extra }
  return { ...readApiError(value), ...extra }
}

/**
 * getResponse moves failed generations to `errors`, but the SDK's schema also allows an item
 * in `data` with `status: 'error'` and a nested `error: {code, message}`.
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

/** Reads any reply shape Runware's docs and SDK show; undefined when the body is none of them. */
export function readEnvelope(body: unknown): Envelope | undefined {
  const envelope: Envelope = { data: [], errors: [] }
  if (Array.isArray(body)) {
    // A bare array: the SDK treats it as a list of error objects.
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
    // Legacy: `{error: {code, message}, taskUUID}`.
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
  /** `imageUUID`: the item names one image, so only that result is lost, not the run. */
  | { kind: 'invalid'; reason: string; imageUUID?: string; tooLarge?: boolean }

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
    // read leniently: an imageURL that is no string is as good as none
    const imageURL = typeof item.imageURL === 'string' && item.imageURL.length <= MAX_URL_CHARS ? item.imageURL : undefined
    return imageURL ? { kind: 'upload', imageUUID: upload.data.imageUUID, imageURL } : { kind: 'upload', imageUUID: upload.data.imageUUID }
  }
  if ('imageUUID' in item) {
    const result = ResultItemSchema.safeParse(item, { error: englishIssue })
    if (result.success) return { kind: 'result', result: toInferenceResult(result.data) }
    const { issues } = result.error
    const invalid: ReplyItem = { kind: 'invalid', reason: `result item: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}` }
    const imageUUID = item.imageUUID
    if (typeof imageUUID === 'string' && imageUUID.length > 0 && imageUUID.length <= MAX_ID_CHARS) invalid.imageUUID = imageUUID
    if (issues.some((i) => i.code === 'too_big' && /^image(Base64Data|DataURI)$/.test(String(i.path[0])))) invalid.tooLarge = true
    return invalid
  }
  if (typeof item.taskUUID === 'string') return { kind: 'ack', taskUUID: item.taskUUID }
  return { kind: 'invalid', reason: 'item without taskUUID' }
}
