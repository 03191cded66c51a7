import * as z from 'zod/mini'

import { integer } from '../../src/common/integer'

// The model page's platform options that the main form does not show (outputType, outputFormat,
// outputQuality, deliveryMethod, webhookURL, uploadEndpoint, safety, ttl, includeCost) and the
// provider's publicFigureThreshold. They are remembered per user with the UI's settings
// (ui/state/settings.ts); build-task.ts turns them into task fields.

const httpsUrl = z.string().check(
  z.trim(),
  // A pattern: a host with a dot, or localhost (the URL class would take any word as a host).
  z.refine((value) => /^https?:\/\/[^\s/?#]+\.[^\s]*$|^https?:\/\/localhost[:/]?\S*$/i.test(value), {
    message: 'Enter a full URL, starting with https://',
  }),
  z.refine((value) => value.startsWith('https://'), { message: 'Use an https:// URL: Runware sends your images there' }),
)

// Choices as z.literal lists, not z.enum: the same verdicts, without z.enum's code in the bundle.
const SafetySchema = z.object({
  checkContent: z._default(z.boolean(), false),
  mode: z._default(z.literal(['none', 'fast']), 'none'),
})

export const GenerationOptionsSchema = z
  .object({
    // dataURI by default: the image arrives inside the response, so no second,
    // cross-origin download is needed (CORS on Runware's image host is unknown).
    outputType: z._default(z.literal(['dataURI', 'base64Data', 'URL']), 'dataURI'),
    // JPG, the model page's default: a fraction of PNG's bytes for photographic results.
    outputFormat: z._default(z.literal(['JPG', 'PNG', 'WEBP']), 'JPG'),
    outputQuality: z._default(
      integer().check(
        z.minimum(20, 'Quality must be at least 20'),
        z.maximum(99, 'Quality can be at most 99'),
      ),
      95,
    ),
    deliveryMethod: z._default(z.literal(['sync', 'async']), 'sync'),
    webhookURL: z.optional(httpsUrl),
    uploadEndpoint: z.optional(httpsUrl),
    safety: z._default(SafetySchema, { checkContent: false, mode: 'none' }),
    ttl: z.optional(integer().check(z.minimum(60, 'Keep the image URL for at least 60 seconds'))),
    includeCost: z._default(z.boolean(), true),
    publicFigureThreshold: z._default(z.literal(['auto', 'low']), 'auto'),
  })
  .check(
    z.refine((options) => options.ttl === undefined || options.outputType === 'URL', {
      path: ['ttl'],
      message: 'Time to live only applies to URL output',
    }),
  )

export type GenerationOptions = z.infer<typeof GenerationOptionsSchema>

export const DEFAULT_GENERATION_OPTIONS: GenerationOptions = GenerationOptionsSchema.parse({})
