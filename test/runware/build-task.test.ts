import { describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS, type GenerationOptions } from '../../ui/runware/generation-options'
import { ALLOWED_SIZES } from '../../src/common/sizes'
import { buildInferenceTask, validateInferenceTask, type BuildTaskInput } from '../../ui/runware/build-task'
import { RunwareError } from '../../ui/runware/errors'
import { InferenceTaskSchema } from '../../ui/runware/task-schema'

const UUID = '0ee13cbd-6941-49fb-b5cc-90be6737ebea'
const REF_URL = 'https://assets.runware.ai/assets/inputs/e7ea04ec-0197-42bb-be69-bc7829110eff.jpg'

function input(overrides: Partial<BuildTaskInput> = {}, options: Partial<GenerationOptions> = {}): BuildTaskInput {
  return {
    prompt: 'A brass aquarium concourse',
    width: 1440,
    height: 1080,
    numberResults: 2,
    referenceImages: [REF_URL],
    options: { ...DEFAULT_GENERATION_OPTIONS, ...options },
    taskUUID: UUID,
    ...overrides,
  }
}

function failure(result: ReturnType<typeof buildInferenceTask>): RunwareError {
  if (result.ok) throw new Error(`expected a validation error, got ${JSON.stringify(result.task)}`)
  return result.error
}

describe('buildInferenceTask', () => {
  it('builds the seed example shape with explicit size and the chosen options', () => {
    const result = buildInferenceTask(input())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.task).toEqual({
      taskType: 'imageInference',
      taskUUID: UUID,
      model: 'runway:4@2',
      positivePrompt: 'A brass aquarium concourse',
      width: 1440,
      height: 1080,
      numberResults: 2,
      outputType: 'dataURI',
      outputFormat: 'JPG',
      outputQuality: 95,
      deliveryMethod: 'sync',
      includeCost: true,
      inputs: { referenceImages: [REF_URL] },
      providerSettings: { runway: { contentModeration: { publicFigureThreshold: 'auto' } } },
    })
  })

  it('carries every advanced option of the seed', () => {
    const result = buildInferenceTask(
      input({}, {
        outputType: 'URL',
        outputFormat: 'WEBP',
        outputQuality: 20,
        deliveryMethod: 'async',
        webhookURL: 'https://hooks.example.com/runware?token=x',
        uploadEndpoint: 'https://bucket.example.com/put?sig=1',
        ttl: 60,
        includeCost: false,
        safety: { checkContent: false, mode: 'fast' },
        publicFigureThreshold: 'low',
      }),
    )
    expect(result.ok && result.task).toMatchObject({
      outputType: 'URL',
      outputFormat: 'WEBP',
      outputQuality: 20,
      deliveryMethod: 'async',
      webhookURL: 'https://hooks.example.com/runware?token=x',
      uploadEndpoint: 'https://bucket.example.com/put?sig=1',
      ttl: 60,
      safety: { checkContent: false, mode: 'fast' },
      providerSettings: { runway: { contentModeration: { publicFigureThreshold: 'low' } } },
    })
    expect(result.ok && 'includeCost' in result.task).toBe(false) // false is the seed default
  })

  it('omits safety at its default and lets checkContent imply fast mode', () => {
    const off = buildInferenceTask(input())
    expect(off.ok && 'safety' in off.task).toBe(false)
    const on = buildInferenceTask(input({}, { safety: { checkContent: true, mode: 'none' } }))
    expect(on.ok && on.task.safety).toEqual({ checkContent: true })
  })

  it('accepts every one of the 16 sizes and 1 to 3 references of each kind', () => {
    for (const size of ALLOWED_SIZES) expect(buildInferenceTask(input({ width: size.width, height: size.height })).ok).toBe(true)
    const refs = ['d0752792-0016-4aeb-8f8a-a28d7afb611b', 'data:image/png;base64,iVBORw0KGgo=', 'iVBORw0KGgoAAAANSUhEUgAA']
    expect(buildInferenceTask(input({ referenceImages: refs })).ok).toBe(true)
  })

  it('sends plain strings without tags, and { image, tag } objects for every reference with them', () => {
    const plain = buildInferenceTask(input({ referenceImages: [REF_URL, UUID] }))
    expect(plain.ok && plain.task.inputs.referenceImages).toEqual([REF_URL, UUID])
    const tagged = buildInferenceTask(input({ referenceImages: [REF_URL, UUID], referenceTags: ['sunsetdunes', 'tidalblue'] }))
    expect(tagged.ok && tagged.task.inputs.referenceImages).toEqual([
      { image: REF_URL, tag: 'sunsetdunes' },
      { image: UUID, tag: 'tidalblue' },
    ])
  })

  it('refuses a tag that breaks the rule, or the same tag twice, naming the reference field', () => {
    const cases: [string[], RegExp][] = [
      [['Sunset'], /Reference image 1 isn't in a form Runware reads/],
      [['dunes', 'ab'], /Reference image 2 isn't in a form Runware reads/],
      [['dunes', 'dunes'], /Tag every reference image, each with its own tag, or none/],
    ]
    for (const [referenceTags, message] of cases) {
      const refs = referenceTags.map(() => REF_URL)
      const error = failure(buildInferenceTask(input({ referenceImages: refs, referenceTags })))
      expect(error.field).toMatch(/^inputs\.referenceImages/)
      expect(error.message).toMatch(message)
    }
  })

  it('refuses a list that mixes strings and objects', () => {
    const task = (buildInferenceTask(input()) as { task: object }).task
    const mixed = failure(validateInferenceTask({ ...task, inputs: { referenceImages: [REF_URL, { image: REF_URL, tag: 'dunes' }] } }))
    expect([mixed.field, mixed.message]).toEqual(['inputs.referenceImages', 'Tag every reference image, each with its own tag, or none.'])
    const extra = failure(validateInferenceTask({ ...task, inputs: { referenceImages: [{ image: REF_URL, tag: 'dunes', weight: 1 }] } }))
    expect(extra.field).toBe('inputs.referenceImages')
  })

  it('counts the prompt in UTF-16 code units and says so in plain words', () => {
    expect(buildInferenceTask(input({ prompt: 'x'.repeat(1000) })).ok).toBe(true)
    const error = failure(buildInferenceTask(input({ prompt: 'x'.repeat(1001) })))
    expect(error).toBeInstanceOf(RunwareError)
    expect(error.kind).toBe('validation')
    expect(error.field).toBe('positivePrompt')
    expect(error.retryable).toBe(false)
    expect(error.message).toBe('The prompt is 1,001 characters; the model takes at most 1,000.')
    // 500 emoji are 1,000 code units (surrogate pairs): allowed; one more is not.
    expect(buildInferenceTask(input({ prompt: '🐠'.repeat(500) })).ok).toBe(true)
    expect(failure(buildInferenceTask(input({ prompt: '🐠'.repeat(501) }))).message).toContain('1,002 characters')
  })

  it('refuses an empty or whitespace-only prompt', () => {
    for (const prompt of ['', '   \n\t']) {
      const error = failure(buildInferenceTask(input({ prompt })))
      expect(error.field).toBe('positivePrompt')
      expect(error.message).toMatch(/Write a prompt/)
    }
  })

  it('names the reference field for 0, 4 or unreadable references', () => {
    expect(failure(buildInferenceTask(input({ referenceImages: [] }))).message).toMatch(/at least one frame/)
    const four = failure(buildInferenceTask(input({ referenceImages: [REF_URL, REF_URL, REF_URL, REF_URL] })))
    expect([four.field, four.message]).toEqual(['inputs.referenceImages', 'There are 4 reference images; the model takes at most 3.'])
    const bad = failure(buildInferenceTask(input({ referenceImages: [REF_URL, 'not an image!'] })))
    expect(bad.field).toBe('inputs.referenceImages')
    expect(bad.message).toMatch(/^Reference image 2 /)
  })

  it('refuses sizes outside the 16 pairs and counts outside 1–20', () => {
    const size = failure(buildInferenceTask(input({ width: 1000, height: 1000 })))
    expect(size.field).toBe('width')
    expect(size.message).toBe("1000 × 1000 isn't a size Gen-4 Image Turbo makes. Pick one of the 16 sizes.")
    const count = failure(buildInferenceTask(input({ numberResults: 21 })))
    expect([count.field, count.message]).toEqual(['numberResults', 'Ask for 1 to 20 results; this run asks for 21.'])
    expect(failure(buildInferenceTask(input({ numberResults: 0 }))).field).toBe('numberResults')
  })

  it('checks quality, ttl and its URL-only rule, and URLs', () => {
    expect(failure(buildInferenceTask(input({}, { outputQuality: 100 }))).message).toBe(
      'Output quality must be a whole number from 20 to 99 (it is 100).',
    )
    expect(failure(buildInferenceTask(input({}, { outputType: 'URL', ttl: 59 }))).message).toMatch(/at least 60 seconds/)
    const ttl = failure(buildInferenceTask(input({}, { outputType: 'dataURI', ttl: 120 })))
    expect([ttl.field, ttl.message]).toEqual(['ttl', expect.stringMatching(/only applies to URL output/)])
    const fraction = failure(buildInferenceTask(input({}, { outputType: 'URL', ttl: 90.5 })))
    expect([fraction.field, fraction.message]).toEqual(['ttl', expect.stringMatching(/whole number of seconds \(it is 90\.5\)/)])
    expect(failure(buildInferenceTask(input({}, { webhookURL: 'ftp://x' }))).field).toBe('webhookURL')
  })

  it('reports the top-most field first when several are wrong', () => {
    const error = failure(buildInferenceTask(input({ prompt: '', referenceImages: [], numberResults: 50 })))
    expect(error.field).toBe('positivePrompt')
    expect(error.detail).toMatch(/numberResults/) // every issue stays in the details
  })

  it('makes a fresh UUID v4 when none is given', () => {
    const a = buildInferenceTask(input({ taskUUID: undefined }))
    const b = buildInferenceTask(input({ taskUUID: undefined }))
    expect(a.ok && a.task.taskUUID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(a.ok && b.ok && a.task.taskUUID !== b.task.taskUUID).toBe(true)
  })
})

describe('validateInferenceTask', () => {
  const valid = () => {
    const result = buildInferenceTask(input())
    if (!result.ok) throw result.error
    return { ...result.task } as Record<string, unknown>
  }

  it('refuses unknown fields, nested ones too', () => {
    const error = failure(validateInferenceTask({ ...valid(), seed: 42 }))
    expect([error.field, error.message]).toEqual(['seed', "The task has a field the model doesn't accept: seed."])
    const nested = failure(validateInferenceTask({ ...valid(), safety: { checkContent: true, level: 2 } }))
    expect(nested.field).toBe('safety.level')
  })

  it('refuses width without height, a wrong model and a non-v4 taskUUID', () => {
    const { height: _height, ...noHeight } = valid()
    expect(failure(validateInferenceTask(noHeight)).message).toBe('Width and height go together: give both.')
    expect(failure(validateInferenceTask({ ...valid(), model: 'runway:4@1' })).field).toBe('model')
    expect(failure(validateInferenceTask({ ...valid(), taskUUID: '0ee13cbd-6941-19fb-b5cc-90be6737ebea' })).field).toBe('taskUUID')
  })

  it('names the field of each cross-field rule: the size pair, allowed sizes, ttl with URL output', () => {
    const issues = (task: Record<string, unknown>) =>
      (InferenceTaskSchema.safeParse(task).error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message])
    const { width: _width, height: _height, ttl: _ttl, outputType: _type, ...base } = valid()
    expect(issues({ ...base, width: 1440 })).toEqual([['height', 'width and height go together']])
    expect(issues({ ...base, height: 1080 })).toEqual([['width', 'width and height go together']])
    expect(issues({ ...base, width: 1000, height: 1000 })).toEqual([['width', 'size not allowed']])
    expect(issues({ ...base, width: 1440, height: 1080 })).toEqual([])
    expect(issues({ ...base, ttl: 120, outputType: 'dataURI' })).toEqual([['ttl', 'ttl needs URL output']])
    // URL is the default output type, so a ttl alone is fine
    expect(issues({ ...base, ttl: 120 })).toEqual([])
    expect(issues({ ...base, ttl: 120, outputType: 'URL' })).toEqual([])
  })

  it('refuses values outside the seed enums', () => {
    expect(failure(validateInferenceTask({ ...valid(), outputFormat: 'TIFF' })).field).toBe('outputFormat')
    expect(failure(validateInferenceTask({ ...valid(), safety: { mode: 'full' } })).field).toBe('safety.mode')
    const threshold = failure(
      validateInferenceTask({ ...valid(), providerSettings: { runway: { contentModeration: { publicFigureThreshold: 'high' } } } }),
    )
    expect(threshold.field).toBe('providerSettings.runway.contentModeration.publicFigureThreshold')
  })
})
