// One result item of an imageInference task: taskType,
// taskUUID, a fresh imageUUID, the image in the field the outputType names, seed,
// NSFWContent only when safety checking is on, cost only with includeCost.
import { randomUUID } from 'node:crypto'
import type { EmulatorContext } from './context'
import { EXTENSION, MIME, type ImageFormat } from './image-formats'
import type { InferenceRequest } from './validate-inference'

// The default URL lifetime is unknown; Runway's own output URLs live 24–48 h.
export const DEFAULT_TTL_SECONDS = 24 * 60 * 60

export function resultItem(
  ctx: EmulatorContext,
  request: InferenceRequest,
  image: { bytes: Buffer; format: ImageFormat; seed: number },
): Record<string, unknown> {
  const imageUUID = randomUUID()
  const served = request.outputType === 'URL'
  ctx.images.put({
    uuid: imageUUID,
    bytes: image.bytes,
    format: image.format,
    servedUntil: served ? Date.now() + (request.ttl ?? DEFAULT_TTL_SECONDS) * 1000 : 0,
    kind: 'result',
  })
  const item: Record<string, unknown> = { taskType: 'imageInference', taskUUID: request.taskUUID, imageUUID }
  if (request.outputType === 'URL') item.imageURL = `${ctx.baseUrl}/images/${imageUUID}.${EXTENSION[image.format]}`
  else if (request.outputType === 'base64Data') item.imageBase64Data = image.bytes.toString('base64')
  else item.imageDataURI = `data:${MIME[image.format]};base64,${image.bytes.toString('base64')}`
  item.seed = image.seed
  // The emulator's moderation is a word match, so tests can ask for a flagged result at will.
  if (request.checkContent) item.NSFWContent = /\bnsfw\b/i.test(request.positivePrompt)
  if (request.includeCost) item.cost = ctx.options.unitCost
  return item
}
