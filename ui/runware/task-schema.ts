import * as z from 'zod/mini'

import { MODEL_ID } from '../../src/common/generation-record'
import { integer } from '../../src/common/integer'
import { isAllowedSize } from '../../src/common/sizes'
import { TAG_RULE } from '../lib/reference-tags'
import { isBase64, isBase64DataUri } from './base64'

// The imageInference task for `runway:4@2`, field by field as Runware's model page lists it.
// Strict: the emulator and Runware (`unsupportedParameter`) refuse unknown fields, so a typo
// must fail here, before anything is sent or paid for.

export const PROMPT_MAX = 1000
export const REFERENCES_MAX = 3
export const RESULTS_MAX = 20
export const TTL_MIN = 60

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i

export function isUuid(text: string): boolean {
  return UUID.test(text)
}

export function isUuidV4(text: string): boolean {
  return UUID_V4.test(text)
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

/** A reference is an uploaded image's UUID, a URL, a data URI or base64. */
export function isReferenceImage(text: string): boolean {
  return isUuid(text) || isHttpUrl(text) || isBase64DataUri(text) || isBase64(text)
}

export type ReferenceImageItem = string | { image: string; tag: string }

/** The message of the list check below, which the form turns into words. */
export const REFERENCE_FORMS = 'forms'

/** A reference string, or an `{ image, tag }` object with a valid tag and nothing else in it. */
function isReferenceItem(item: unknown): boolean {
  if (typeof item === 'string') return isReferenceImage(item)
  const { image, tag } = (item ?? {}) as Record<string, unknown>
  return typeof image === 'string' && isReferenceImage(image) && typeof tag === 'string' && TAG_RULE.test(tag) && Object.keys(item!).length === 2
}

/** All strings, or all objects with tags used once. */
function oneFormUniqueTags(list: ReferenceImageItem[]): boolean {
  const tags = list.map((item) => (typeof item === 'string' ? '' : item.tag))
  return tags.every((tag) => tag === '') || (!tags.includes('') && new Set(tags).size === list.length)
}

const uri = z.string().check(z.refine(isHttpUrl, { message: 'not an http(s) URL' }))

// z.literal with a list, not z.enum: the same verdicts, without z.enum's code in the bundle
export const OutputTypeSchema = z.literal(['URL', 'dataURI', 'base64Data'])
export const OutputFormatSchema = z.literal(['JPG', 'PNG', 'WEBP'])

export const InferenceTaskSchema = z
  .strictObject({
    taskType: z.literal('imageInference'),
    taskUUID: z.string().check(z.refine(isUuidV4, { message: 'not a UUID v4' })),
    model: z.literal(MODEL_ID),
    outputType: z.optional(OutputTypeSchema),
    outputFormat: z.optional(OutputFormatSchema),
    outputQuality: z.optional(integer().check(z.minimum(20), z.maximum(99))),
    webhookURL: z.optional(uri),
    deliveryMethod: z.optional(z.literal(['sync', 'async'])),
    uploadEndpoint: z.optional(uri),
    safety: z.optional(z.strictObject({ checkContent: z.optional(z.boolean()), mode: z.optional(z.literal(['none', 'fast'])) })),
    ttl: z.optional(integer().check(z.minimum(TTL_MIN))),
    includeCost: z.optional(z.boolean()),
    numberResults: z.optional(integer().check(z.minimum(1), z.maximum(RESULTS_MAX))),
    inputs: z.strictObject({
      // Plain strings, or `{ image, tag }` objects when the prompt names references by `@tag`
      // (Runware's Runway provider page documents the objects); never both in one list.
      // Checked by hand rather than with z.union: the same verdicts for a third of the bundle.
      referenceImages: z
        .array(z.custom<ReferenceImageItem>(isReferenceItem, { message: 'not a UUID, URL, data URI or base64 image' }))
        .check(z.minLength(1), z.maxLength(REFERENCES_MAX), z.refine(oneFormUniqueTags, { message: REFERENCE_FORMS })),
    }),
    // Runway counts UTF-16 code units, i.e. JS `length`; zod's own
    // minLength/maxLength count code points, which would let 501 emoji (1,002 units) through.
    positivePrompt: z.string().check(
      z.refine((text) => text.length <= PROMPT_MAX, { message: `longer than ${PROMPT_MAX} UTF-16 code units` }),
      z.refine((text) => text.trim().length > 0, { message: 'empty or whitespace only' }),
    ),
    width: z.optional(integer()),
    height: z.optional(integer()),
    providerSettings: z.optional(
      z.strictObject({
        runway: z.strictObject({
          contentModeration: z.optional(z.strictObject({ publicFigureThreshold: z.optional(z.literal(['auto', 'low'])) })),
        }),
      }),
    ),
  })
  .check(
    // Plain refines, each with its field's path: the form names the field from the path.
    // The seed: width is "paired with height" and vice versa.
    z.refine((task) => task.height !== undefined || task.width === undefined, { path: ['height'], message: 'width and height go together' }),
    z.refine((task) => task.width !== undefined || task.height === undefined, { path: ['width'], message: 'width and height go together' }),
    z.refine((task) => task.width === undefined || task.height === undefined || isAllowedSize(task.width, task.height), {
      path: ['width'],
      message: 'size not allowed',
    }),
    // The seed: ttl "only applies when outputType is URL" (URL is the default).
    z.refine((task) => task.ttl === undefined || (task.outputType ?? 'URL') === 'URL', { path: ['ttl'], message: 'ttl needs URL output' }),
  )

export type InferenceTask = z.infer<typeof InferenceTaskSchema>
export type OutputType = z.infer<typeof OutputTypeSchema>
export type OutputFormat = z.infer<typeof OutputFormatSchema>
