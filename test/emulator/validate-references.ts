// The shape of `inputs.referenceImages`: plain strings (the runway:4@2 model page) or
// `{image, tag}` objects (Runware's Runway provider page, and Runware's own ComfyUI nodes), one
// form per list; 1–3 items are required because runway:4@2 is image-to-image only.
import { failFor, invalidValue, isPlainObject, rejectUnknownKeys, type Task } from './validate-fields'

export interface ReferenceInput {
  index: number
  /** UUID, data URI, raw base64 or http(s) URL, exactly as sent. */
  image: string
  tag?: string
}

export const REFERENCES = 'inputs.referenceImages'

// The strictest reading of the sources (3–16 or 3–15 characters, capitals and `_` allowed by
// some): lowercase letters and digits, 3–15, starting with a letter.
const TAG = /^[a-z][a-z0-9]{2,14}$/

export interface ReferenceRules {
  /** Refuse the `{image, tag}` form, as a Runware that takes only strings would. */
  refuseTaggedReferences?: boolean
}

export function validateReferenceList(task: Task, rules: ReferenceRules = {}): ReferenceInput[] {
  const fail = failFor(task)
  const inputs = task.inputs
  if (inputs === undefined) {
    return fail('invalidReferenceImages', REFERENCES,
      `Missing ${REFERENCES} parameter. Model runway:4@2 needs 1 to 3 reference images inside the inputs object.`)
  }
  if (!isPlainObject(inputs)) return fail('invalidInputs', 'inputs', invalidValue('inputs', 'It must be an object.'))
  rejectUnknownKeys(task, inputs, ['referenceImages'], 'inputs')
  const list = inputs.referenceImages
  if (!Array.isArray(list) || list.length < 1 || list.length > 3) {
    return fail('invalidReferenceImages', REFERENCES,
      invalidValue(REFERENCES, 'It must be an array of 1 to 3 reference images.'), { min: 1, max: 3 })
  }
  const objects = list.filter((entry) => typeof entry !== 'string').length
  if (objects > 0 && objects < list.length) {
    return fail('invalidReferenceImages', REFERENCES,
      invalidValue(REFERENCES, 'Use one form for every item: all strings, or all {image, tag} objects.'))
  }
  if (objects > 0 && rules.refuseTaggedReferences) {
    return fail('invalidReferenceImages', REFERENCES,
      invalidValue(REFERENCES, 'Each item must be a string: an image UUID, a URL, a data URI or base64.'))
  }
  const tags = list.map((entry) => (isPlainObject(entry) ? entry.tag : undefined)).filter((tag) => tag !== undefined)
  if (new Set(tags).size < tags.length) {
    return fail('invalidReferenceImages', REFERENCES, invalidValue(REFERENCES, 'Each tag may name only one reference image.'))
  }
  return list.map((entry: unknown, index) => {
    const where = `${REFERENCES}[${index}]`
    if (typeof entry === 'string') {
      if (entry.trim() === '') fail('invalidReferenceImages', REFERENCES, invalidValue(REFERENCES, `${where} is an empty string.`))
      return { index, image: entry }
    }
    if (!isPlainObject(entry)) {
      return fail('invalidReferenceImages', REFERENCES,
        invalidValue(REFERENCES, `${where} must be a string (UUID, URL, data URI or base64) or an {image, tag} object.`))
    }
    rejectUnknownKeys(task, entry, ['image', 'tag'], where)
    if (typeof entry.image !== 'string' || entry.image.trim() === '') {
      fail('invalidReferenceImages', REFERENCES, invalidValue(REFERENCES, `${where}.image must be a non-empty string.`))
    }
    if (entry.tag !== undefined && (typeof entry.tag !== 'string' || !TAG.test(entry.tag))) {
      fail('invalidReferenceImages', REFERENCES, invalidValue(REFERENCES,
        `${where}.tag must be 3-15 lowercase letters or digits, starting with a letter.`))
    }
    return { index, image: entry.image as string, tag: entry.tag as string | undefined }
  })
}
