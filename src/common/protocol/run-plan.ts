import * as z from 'zod/mini'

import { integer } from '../integer'
import { isAllowedSize } from '../sizes'
import { MAX_PROMPT_LENGTH, utf16AtMost } from '../text-limits'
import { MAX_REFERENCES, MAX_RESULTS } from './limits'

// A run as both sides parse it: the UI sends its plan (`run-start`), the sandbox keeps the
// plan of every sent task until the run ends and hands those back after a close
// (`pending-runs`).

/** An output size the model makes: a run's, and the one the UI remembers in its settings. */
export const SizeSchema = z.object({ width: integer(), height: integer() }).check(
  z.refine((size) => isAllowedSize(size.width, size.height), 'This size is not one Gen-4 Image Turbo can make'),
)

/**
 * Where a recovered run's results go: the interrupted run's section and the slots (by their
 * index in that run of `count`) its results never reached. Used while that section exists.
 */
export const RunTargetSchema = z.object({
  sectionId: z.string().check(z.minLength(1)),
  indices: z.array(integer().check(z.minimum(0), z.maximum(MAX_RESULTS - 1))).check(z.minLength(1), z.maxLength(MAX_RESULTS)),
  count: integer().check(z.minimum(1), z.maximum(MAX_RESULTS)),
})

/** Where a run's results go: decided by the sandbox, carried out one result at a time. */
export const RunPlanSchema = z.object({
  runId: z.string().check(z.minLength(1)),
  prompt: z.string().check(z.trim(), z.minLength(1), utf16AtMost(MAX_PROMPT_LENGTH)),
  size: SizeSchema,
  count: integer().check(z.minimum(1), z.maximum(MAX_RESULTS)),
  referenceNodeIds: z.array(z.string().check(z.minLength(1))).check(z.minLength(1), z.maxLength(MAX_REFERENCES)),
  /** A provenance annotation on each image; on unless the designer switched it off. */
  annotations: z.optional(z.boolean()),
  /** A caption under each image; off unless switched on. */
  captions: z.optional(z.boolean()),
  /** Only for a recovered run, one index per result. */
  target: z.optional(RunTargetSchema),
})
export type RunPlan = z.infer<typeof RunPlanSchema>

/** A run whose task reached Runware but whose results are not all placed, kept for recovery. */
export const PendingRunSchema = z.object({
  taskUUID: z.string().check(z.minLength(1)),
  plan: RunPlanSchema,
  /** imageUUIDs already on the canvas, so a recovery does not place them twice. */
  placedImageUUIDs: z.array(z.string()),
  /** The run's section, so a recovery can land in it while it exists. */
  sectionId: z.optional(z.string()),
  /** Indices of the slots already filled, so a recovery fills the others. */
  placedIndices: z.optional(z.array(integer().check(z.minimum(0)))),
  /** Milliseconds since the epoch, from the sandbox's clock. */
  sentAt: z.number(),
})
export type PendingRun = z.infer<typeof PendingRunSchema>

/** A reference pinned to a page as its board style (page plugin data): it rides along on every run there. */
export const BoardStyleSchema = z.object({
  nodeId: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The layer's name when pinned, so the panel can name it after it is deleted. */
  name: z.string().check(z.maxLength(200)),
  /** How the prompt names it; 'style' unless renamed. */
  tag: z.string().check(z.minLength(1), z.maxLength(40)),
})
export type BoardStyle = z.infer<typeof BoardStyleSchema>
