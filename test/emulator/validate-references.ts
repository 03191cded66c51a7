// The shape of `inputs.referenceImages`. runware-api.md §6.3: the sources disagree between
// plain strings and `{image, tag}` objects, so both are accepted; 1–3 items are required
// because runway:4@2 is image-to-image only (§6.1).
import { failFor, invalidValue, isPlainObject, rejectUnknownKeys, type Task } from './validate-fields'

export interface ReferenceInput {
  index: number
  /** UUID, data URI, raw base64 or http(s) URL, exactly as sent. */
  image: string
  tag?: string
}

export const REFERENCES = 'inputs.referenceImages'

// §6.3: Runway's SDK: 3–16 characters, letters, digits and underscore, starting with a letter.
const TAG = /^[A-Za-z][A-Za-z0-9_]{2,15}$/

export function validateReferenceList(task: Task): ReferenceInput[] {
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
        `${where}.tag must be 3-16 letters, digits or underscores, starting with a letter.`))
    }
    return { index, image: entry.image as string, tag: entry.tag as string | undefined }
  })
}
