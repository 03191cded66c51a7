// Strict validation of an imageInference task for runway:4@2 against Runware's model page
// and its generic imageInference fields. Anything the model page
// does not list is refused, so a client that sends a stray field finds out here.
import { ALLOWED_SIZES, DEFAULT_SIZE, isAllowedSize } from './allowed-sizes'
import { validateReferenceList, type ReferenceInput, type ReferenceRules } from './validate-references'
import {
  failFor, invalidValue, isHttpUrl, isInteger, isPlainObject, rejectUnknownKeys, requireTaskUUID, type Task,
} from './validate-fields'

export type OutputType = 'URL' | 'base64Data' | 'dataURI'
export type OutputFormat = 'JPG' | 'PNG' | 'WEBP'

export interface InferenceRequest {
  taskUUID: string
  positivePrompt: string
  width: number
  height: number
  references: ReferenceInput[]
  outputType: OutputType
  outputFormat: OutputFormat
  outputQuality: number
  numberResults: number
  /** Seconds an `imageURL` stays served; undefined means the emulator default. */
  ttl?: number
  deliveryMethod: 'sync' | 'async'
  webhookURL?: string
  uploadEndpoint?: string
  checkContent: boolean
  includeCost: boolean
  publicFigureThreshold: 'auto' | 'low'
}

const TOP_LEVEL = [
  'taskType', 'taskUUID', 'model', 'positivePrompt', 'width', 'height', 'inputs', 'providerSettings',
  'outputType', 'outputFormat', 'outputQuality', 'webhookURL', 'deliveryMethod', 'uploadEndpoint',
  'safety', 'ttl', 'includeCost', 'numberResults',
]

function oneOf<T extends string>(task: Task, key: string, allowed: readonly T[], fallback: T, code: string): T {
  const value = task[key]
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  return failFor(task)(code, key, invalidValue(key, `Allowed values: ${allowed.join(', ')}.`), { allowedValues: allowed })
}

function intIn(task: Task, key: string, min: number, max: number, fallback: number, code: string): number {
  const value = task[key]
  if (value === undefined) return fallback
  if (isInteger(value) && value >= min && value <= max) return value
  return failFor(task)(code, key, invalidValue(key, `It must be an integer between ${min} and ${max}.`), { type: 'integer', min, max })
}

function validatePrompt(task: Task): string {
  const fail = failFor(task)
  const prompt = task.positivePrompt
  if (typeof prompt !== 'string') {
    return fail('invalidPositivePrompt', 'positivePrompt', invalidValue('positivePrompt', 'Positive prompt must be a string value.'), { type: 'string' })
  }
  // Runway counts up to 1000 UTF-16 code units, which is what String#length measures.
  if (prompt.trim().length === 0 || prompt.length > 1000) {
    return fail('invalidPositivePrompt', 'positivePrompt',
      invalidValue('positivePrompt', 'Positive prompt must be between 1 and 1000 characters and not only whitespace.'),
      { type: 'string', min: 1, max: 1000 })
  }
  return prompt
}

function validateSize(task: Task): { width: number; height: number } {
  const fail = failFor(task)
  const { width, height } = task
  if (width === undefined && height === undefined) return { ...DEFAULT_SIZE }
  for (const [key, value] of [['width', width], ['height', height]] as const) {
    if (value === undefined) {
      const other = key === 'width' ? 'height' : 'width'
      fail(`invalid${key === 'width' ? 'Width' : 'Height'}`, key, `Missing ${key} parameter. '${key}' must be used together with '${other}'.`)
    }
    if (!isInteger(value)) fail(`invalid${key === 'width' ? 'Width' : 'Height'}`, key, invalidValue(key, `Image ${key} must be an integer value.`), { type: 'integer' })
  }
  if (!isAllowedSize(width as number, height as number)) {
    // A dimension outside the model's list was observed as `invalidCustomWidth`.
    const allowed = ALLOWED_SIZES.map(([w, h]) => `${w}x${h}`)
    fail('invalidCustomWidth', 'width',
      `Invalid dimensions ${String(width)}x${String(height)} for model runway:4@2. Allowed width x height pairs: ${allowed.join(', ')}.`,
      { allowedValues: allowed })
  }
  return { width: width as number, height: height as number }
}

function validateSafety(task: Task): boolean {
  const fail = failFor(task)
  const safety = task.safety
  if (safety === undefined) return false
  if (!isPlainObject(safety)) return fail('invalidSafety', 'safety', invalidValue('safety', 'It must be an object.'))
  rejectUnknownKeys(task, safety, ['checkContent', 'mode'], 'safety')
  if (safety.checkContent !== undefined && typeof safety.checkContent !== 'boolean') {
    fail('invalidCheckContent', 'safety.checkContent', invalidValue('safety.checkContent', 'It must be a boolean.'), { type: 'boolean' })
  }
  if (safety.mode !== undefined && safety.mode !== 'none' && safety.mode !== 'fast') {
    fail('invalidMode', 'safety.mode', invalidValue('safety.mode', 'Allowed values: none, fast.'), { allowedValues: ['none', 'fast'] })
  }
  // `mode` overrides `checkContent`; checkContent alone means fast mode.
  if (safety.mode !== undefined) return safety.mode === 'fast'
  return safety.checkContent === true
}

function validateProviderSettings(task: Task): 'auto' | 'low' {
  const fail = failFor(task)
  const settings = task.providerSettings
  if (settings === undefined) return 'auto'
  if (!isPlainObject(settings)) return fail('invalidProviderSettings', 'providerSettings', invalidValue('providerSettings', 'It must be an object.'))
  rejectUnknownKeys(task, settings, ['runway'], 'providerSettings')
  const runway = settings.runway
  if (runway === undefined) return 'auto'
  if (!isPlainObject(runway)) return fail('invalidProviderSettings', 'providerSettings.runway', invalidValue('providerSettings.runway', 'It must be an object.'))
  rejectUnknownKeys(task, runway, ['contentModeration'], 'providerSettings.runway')
  const moderation = runway.contentModeration
  if (moderation === undefined) return 'auto'
  const path = 'providerSettings.runway.contentModeration'
  if (!isPlainObject(moderation)) return fail('invalidContentModeration', path, invalidValue(path, 'It must be an object.'))
  rejectUnknownKeys(task, moderation, ['publicFigureThreshold'], path)
  const threshold = moderation.publicFigureThreshold
  if (threshold === undefined) return 'auto'
  if (threshold === 'auto' || threshold === 'low') return threshold
  return fail('invalidPublicFigureThreshold', `${path}.publicFigureThreshold`,
    invalidValue(`${path}.publicFigureThreshold`, 'Allowed values: auto, low.'), { allowedValues: ['auto', 'low'] })
}

function optionalUrl(task: Task, key: string, code: string): string | undefined {
  const value = task[key]
  if (value === undefined) return undefined
  if (isHttpUrl(value)) return value
  return failFor(task)(code, key, invalidValue(key, 'It must be a valid http(s) URI.'))
}

function optionalBoolean(task: Task, key: string, code: string): boolean {
  const value = task[key]
  if (value === undefined) return false
  if (typeof value === 'boolean') return value
  return failFor(task)(code, key, invalidValue(key, 'It must be a boolean.'), { type: 'boolean' })
}

/** Throws ValidationFailure with the first problem found. */
export function validateInference(task: Task, rules: ReferenceRules = {}): InferenceRequest {
  const fail = failFor(task)
  const taskUUID = requireTaskUUID(task)
  rejectUnknownKeys(task, task, TOP_LEVEL, '')
  if (task.model !== 'runway:4@2') {
    fail('invalidModel', 'model', invalidValue('model', "This emulator serves only 'runway:4@2' (Runway Gen-4 Image Turbo)."), { allowedValues: ['runway:4@2'] })
  }
  const positivePrompt = validatePrompt(task)
  const { width, height } = validateSize(task)
  const references = validateReferenceList(task, rules)
  const outputType = oneOf<OutputType>(task, 'outputType', ['URL', 'base64Data', 'dataURI'], 'URL', 'invalidOutputType')
  const outputFormat = oneOf<OutputFormat>(task, 'outputFormat', ['JPG', 'PNG', 'WEBP'], 'JPG', 'invalidOutputFormat')
  const outputQuality = intIn(task, 'outputQuality', 20, 99, 95, 'invalidOutputQuality')
  const numberResults = intIn(task, 'numberResults', 1, 20, 1, 'invalidNumberResults')
  let ttl: number | undefined
  if (task.ttl !== undefined) {
    if (!isInteger(task.ttl) || task.ttl < 60) {
      fail('invalidTtl', 'ttl', invalidValue('ttl', 'It must be an integer number of seconds, at least 60.'), { type: 'integer', min: 60 })
    }
    ttl = task.ttl as number
    // ttl "only applies when outputType is URL"; the emulator refuses it elsewhere.
    if (outputType !== 'URL') fail('invalidTtl', 'ttl', "The ttl parameter only applies when outputType is 'URL'.")
  }
  const deliveryMethod = oneOf(task, 'deliveryMethod', ['sync', 'async'] as const, 'sync', 'invalidDeliveryMethod')
  const webhookURL = optionalUrl(task, 'webhookURL', 'invalidWebhookURL')
  const uploadEndpoint = optionalUrl(task, 'uploadEndpoint', 'invalidUploadEndpoint')
  const checkContent = validateSafety(task)
  const includeCost = optionalBoolean(task, 'includeCost', 'invalidIncludeCost')
  const publicFigureThreshold = validateProviderSettings(task)
  return {
    taskUUID, positivePrompt, width, height, references, outputType, outputFormat, outputQuality,
    numberResults, ttl, deliveryMethod, webhookURL, uploadEndpoint, checkContent, includeCost, publicFigureThreshold,
  }
}
