import { z } from 'zod'

// The seed's platform options that the main form does not show (outputType, outputFormat,
// outputQuality, deliveryMethod, webhookURL, uploadEndpoint, safety, ttl, includeCost) and the
// provider's publicFigureThreshold. They are remembered per user in clientStorage, so both
// sides parse them; the Runware layer turns them into task fields.

const httpsUrl = z
  .string()
  .trim()
  .url({ message: 'Enter a full URL, starting with https://' })
  .refine((value) => value.startsWith('https://'), { message: 'Use an https:// URL: Runware sends your images there' })

export const GenerationOptionsSchema = z
  .object({
    // dataURI by default: the image arrives inside the response, so no second,
    // cross-origin download is needed (ARCHITECTURE.md, decisions).
    outputType: z.enum(['dataURI', 'base64Data', 'URL']).default('dataURI'),
    outputFormat: z.enum(['JPG', 'PNG', 'WEBP']).default('JPG'),
    outputQuality: z.number().int().min(20, 'Quality must be at least 20').max(99, 'Quality can be at most 99').default(95),
    deliveryMethod: z.enum(['sync', 'async']).default('sync'),
    webhookURL: httpsUrl.optional(),
    uploadEndpoint: httpsUrl.optional(),
    safety: z
      .object({ checkContent: z.boolean().default(false), mode: z.enum(['none', 'fast']).default('none') })
      .default({ checkContent: false, mode: 'none' }),
    ttl: z.number().int().min(60, 'Keep the image URL for at least 60 seconds').optional(),
    includeCost: z.boolean().default(true),
    publicFigureThreshold: z.enum(['auto', 'low']).default('auto'),
  })
  .superRefine((options, ctx) => {
    if (options.ttl !== undefined && options.outputType !== 'URL') {
      ctx.addIssue({ code: 'custom', path: ['ttl'], message: 'Time to live only applies to URL output' })
    }
  })

export type GenerationOptions = z.infer<typeof GenerationOptionsSchema>

export const DEFAULT_GENERATION_OPTIONS: GenerationOptions = GenerationOptionsSchema.parse({})
