// Turns `inputs.referenceImages` into pixels. Inline images (UUID, data URI, base64) are
// checked before the task is accepted, so their problems come back as validation errors;
// URLs are fetched while the task runs, so a failed download fails the task
// (`downloadFailed`, a provider-class error).
import type { EmulatorContext } from './context'
import { classifyImageInput, ImageInputError, loadImageInput, type LoadedImage } from './decode-image-input'
import { errorItem } from './errors'
import { TaskFailure } from './outlet'
import { ValidationFailure, invalidValue } from './validate-fields'
import type { InferenceRequest } from './validate-inference'
import { REFERENCES, type ReferenceInput } from './validate-references'

// Runway refuses data URIs over 5 MB and references outside aspect 0.5–2; Runware may
// pre-process references (unknown), the emulator applies Runway's limits as the strict reading.
const MAX_INLINE_CHARS = 5 * 1024 * 1024
const MIN_ASPECT = 0.5
const MAX_ASPECT = 2

export interface LoadedReference extends LoadedImage { tag?: string }

function problem(request: InferenceRequest, ref: ReferenceInput, message: string) {
  return errorItem('invalidReferenceImages', invalidValue(REFERENCES, `${REFERENCES}[${ref.index}]: ${message}`), {
    parameter: REFERENCES, taskType: 'imageInference', taskUUID: request.taskUUID,
  })
}

function checkAspect(request: InferenceRequest, ref: ReferenceInput, image: LoadedImage): LoadedReference {
  const aspect = image.width / image.height
  if (!(aspect >= MIN_ASPECT && aspect <= MAX_ASPECT)) {
    throw new ValidationFailure(problem(request, ref,
      `the image is ${image.width}x${image.height}; its aspect ratio must be between 0.5 and 2.`))
  }
  return { ...image, tag: ref.tag }
}

/** Loads every inline reference; URL entries stay undefined until `fetchUrlReferences`. */
export async function loadInlineReferences(ctx: EmulatorContext, request: InferenceRequest): Promise<(LoadedReference | undefined)[]> {
  return Promise.all(request.references.map(async (ref) => {
    const kind = classifyImageInput(ref.image)
    if (kind === 'url') return undefined
    if (ref.image.length > MAX_INLINE_CHARS) {
      throw new ValidationFailure(problem(request, ref, 'inline images (data URI or base64) must be at most 5 MB.'))
    }
    try {
      return checkAspect(request, ref, await loadImageInput(ctx, ref.image))
    } catch (error) {
      if (error instanceof ImageInputError) throw new ValidationFailure(problem(request, ref, error.message))
      throw error
    }
  }))
}

export function downloadFailed(request: InferenceRequest, detail: string) {
  return errorItem('downloadFailed', `Failed to download the reference image. ${detail}`, {
    parameter: REFERENCES, taskType: 'imageInference', taskUUID: request.taskUUID,
  })
}

export async function fetchUrlReferences(
  ctx: EmulatorContext,
  request: InferenceRequest,
  loaded: (LoadedReference | undefined)[],
): Promise<LoadedReference[]> {
  return Promise.all(request.references.map(async (ref, i) => {
    const ready = loaded[i]
    if (ready) return ready
    try {
      return checkAspect(request, ref, await loadImageInput(ctx, ref.image))
    } catch (error) {
      if (error instanceof ValidationFailure) throw new TaskFailure(error.item)
      if (!(error instanceof ImageInputError)) throw error
      if (error.kind === 'download') throw new TaskFailure(downloadFailed(request, `${REFERENCES}[${ref.index}]: ${error.message}`))
      throw new TaskFailure(problem(request, ref, error.message))
    }
  }))
}
