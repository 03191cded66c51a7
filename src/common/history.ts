import * as z from 'zod/mini'

import { bytes } from './bytes'
import { integer } from './integer'
import { MAX_RESULTS } from './protocol/limits'
import { MAX_PROMPT_LENGTH, utf16AtMost } from './text-limits'

// A past run as the History view shows it: what was asked, what landed where, what it cost,
// and a few small thumbnails. Kept per user in figma.clientStorage under a versioned key,
// so both sides parse it: the UI sends entries, the sandbox stores and lists them.

/** At most this many thumbnails per run, and this many bytes each (a ~96 px JPEG is ~3 kB). */
export const MAX_THUMBNAILS = 4
export const MAX_THUMBNAIL_BYTES = 24_000

export const HistoryEntrySchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  prompt: z.string().check(utf16AtMost(MAX_PROMPT_LENGTH)),
  width: integer().check(z.minimum(1)),
  height: integer().check(z.minimum(1)),
  /** How many results were asked for. */
  count: integer().check(z.minimum(1), z.maximum(MAX_RESULTS)),
  /** How many landed on the canvas. */
  placed: integer().check(z.minimum(0), z.maximum(MAX_RESULTS)),
  /** US dollars for the whole run, when Runware reported it. */
  cost: z.optional(z.number().check(z.minimum(0))),
  createdAt: z.string().check(z.maxLength(40)),
  nodeIds: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(MAX_RESULTS)),
  referenceNodeIds: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(3)),
  /** The references' `@tag`s, by position, when the prompt named them. */
  referenceTags: z.optional(z.array(z.string().check(z.maxLength(15))).check(z.maxLength(3))),
  /** The Runware imageUUID each reference was sent as ('' when sent inline), for Reuse once a node is gone. */
  referenceImages: z.optional(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(3))),
  thumbnails: z
    .array(bytes().check(z.refine((bytes) => bytes.length <= MAX_THUMBNAIL_BYTES, 'thumbnail too large')))
    .check(z.maxLength(MAX_THUMBNAILS)),
})
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>

/** What the designer has spent through the plugin, kept apart from the bounded history. */
export const SpendSchema = z.object({
  total: z.number().check(z.minimum(0)),
  images: integer().check(z.minimum(0)),
  /** The latest known price of one image, for the estimate before a run. */
  lastPricePerImage: z.optional(z.number().check(z.minimum(0))),
})
export type Spend = z.infer<typeof SpendSchema>

export const EMPTY_SPEND: Spend = { total: 0, images: 0 }

/** The price of one image in this run, when it is known. */
export function pricePerImage(entry: Pick<HistoryEntry, 'cost' | 'placed'>): number | undefined {
  if (entry.cost === undefined || entry.placed <= 0) return undefined
  return entry.cost / entry.placed
}

export function addToSpend(spend: Spend, entry: Pick<HistoryEntry, 'cost' | 'placed'>): Spend {
  const price = pricePerImage(entry)
  if (price === undefined || entry.cost === undefined) return spend
  return { total: spend.total + entry.cost, images: spend.images + entry.placed, lastPricePerImage: price }
}
