// imageInference validation for runway:4@2, one test per rule of the model page and of
// Runware's generic fields: every refusal names its parameter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator } from './index'
import { dataUri, decodeResult, inferenceTask, post, type Json } from './test-helpers'
import type { Emulator } from './types'
import sharp from 'sharp'

let emu: Emulator
let ref: string
beforeAll(async () => {
  emu = await startEmulator()
  ref = await dataUri()
})
afterAll(() => emu.close())

async function refusal(overrides: Json, edit?: (task: Json) => void): Promise<Json> {
  const task = await inferenceTask(overrides)
  edit?.(task)
  const reply = await post(emu, [task])
  expect(reply.status).toBe(400)
  expect(reply.body.data).toEqual([])
  expect(reply.body.errors).toHaveLength(1)
  expect(reply.body.errors[0].taskUUID ?? task.taskUUID).toBe(task.taskUUID)
  return reply.body.errors[0] as Json
}

async function accepted(overrides: Json, edit?: (task: Json) => void): Promise<Json> {
  const task = await inferenceTask(overrides)
  edit?.(task)
  const reply = await post(emu, [task])
  expect(reply.body.errors).toBeUndefined()
  expect(reply.status).toBe(200)
  return reply.body.data[0] as Json
}

const without = (key: string) => (task: Json) => { delete task[key] }

type Case = [string, Json, string, string, ((task: Json) => void)?]

const refusals: Case[] = [
  ['a missing taskUUID', {}, 'invalidTaskUUID', 'taskUUID', without('taskUUID')],
  ['a taskUUID that is not v4', { taskUUID: '6ba7b810-9dad-11d1-80b4-00c04fd430c8' }, 'invalidTaskUUID', 'taskUUID'],
  ['a taskUUID that is not a UUID', { taskUUID: 'task-1' }, 'invalidTaskUUID', 'taskUUID'],
  ['an unknown top-level parameter (seed)', { seed: 42 }, 'unsupportedParameter', 'seed'],
  ['negativePrompt, which the model lacks', { negativePrompt: 'blur' }, 'unsupportedParameter', 'negativePrompt'],
  ['an unknown key inside inputs', {}, 'unsupportedParameter', 'inputs.seedImage', (t) => { t.inputs.seedImage = ref }],
  ['an unknown key inside safety', { safety: { checkContent: true, level: 2 } }, 'unsupportedParameter', 'safety.level'],
  ['an unknown provider in providerSettings', { providerSettings: { openai: {} } }, 'unsupportedParameter', 'providerSettings.openai'],
  ['an unknown key in providerSettings.runway', { providerSettings: { runway: { seed: 1 } } }, 'unsupportedParameter', 'providerSettings.runway.seed'],
  ['an unknown key in contentModeration', { providerSettings: { runway: { contentModeration: { strict: true } } } }, 'unsupportedParameter', 'providerSettings.runway.contentModeration.strict'],
  ['another model', { model: 'runway:4@1' }, 'invalidModel', 'model'],
  ['a missing model', {}, 'invalidModel', 'model', without('model')],
  ['a missing positivePrompt', {}, 'invalidPositivePrompt', 'positivePrompt', without('positivePrompt')],
  ['an empty positivePrompt', { positivePrompt: '' }, 'invalidPositivePrompt', 'positivePrompt'],
  ['a whitespace-only positivePrompt', { positivePrompt: '  \n\t ' }, 'invalidPositivePrompt', 'positivePrompt'],
  ['a positivePrompt of 1001 characters', { positivePrompt: 'a'.repeat(1001) }, 'invalidPositivePrompt', 'positivePrompt'],
  ['a positivePrompt over 1000 UTF-16 code units (501 emoji)', { positivePrompt: '😀'.repeat(501) }, 'invalidPositivePrompt', 'positivePrompt'],
  ['a positivePrompt that is not a string', { positivePrompt: 42 }, 'invalidPositivePrompt', 'positivePrompt'],
  ['width without height', { width: 1920 }, 'invalidHeight', 'height', without('height')],
  ['height without width', { height: 1080 }, 'invalidWidth', 'width', without('width')],
  ['a width that is not an integer', { width: 1920.5, height: 1080 }, 'invalidWidth', 'width'],
  ['a height given as a string', { width: 1920, height: '1080' }, 'invalidHeight', 'height'],
  ['a size outside the 16 pairs (1920x1920)', { width: 1920, height: 1920 }, 'invalidCustomWidth', 'width'],
  ['a swapped pair that is not listed (912x2112)', { width: 912, height: 2112 }, 'invalidCustomWidth', 'width'],
  ['missing inputs', {}, 'invalidReferenceImages', 'inputs.referenceImages', without('inputs')],
  ['inputs that is not an object', { inputs: ['data:image/png;base64,AAAA'] }, 'invalidInputs', 'inputs'],
  ['no reference images', { inputs: { referenceImages: [] } }, 'invalidReferenceImages', 'inputs.referenceImages'],
  ['four reference images', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [ref, ref, ref, ref] }],
  ['referenceImages that is not an array', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = ref }],
  ['a reference that is a number', { inputs: { referenceImages: [7] } }, 'invalidReferenceImages', 'inputs.referenceImages'],
  ['a reference that is an empty string', { inputs: { referenceImages: [''] } }, 'invalidReferenceImages', 'inputs.referenceImages'],
  ['a reference object without image', { inputs: { referenceImages: [{ tag: 'hero' }] } }, 'invalidReferenceImages', 'inputs.referenceImages'],
  ['a tag shorter than 3 characters', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'ab' }] }],
  ['a tag longer than 15 characters', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'a'.repeat(16) }] }],
  ['a tag with a capital letter', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'Hero' }] }],
  ['a tag with an underscore', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'hero_1' }] }],
  ['strings and objects in one list', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'hero' }, ref] }],
  ['the same tag on two references', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'hero' }, { image: ref, tag: 'hero' }] }],
  ['a tag starting with a digit', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: '1hero' }] }],
  ['a tag with a hyphen', {}, 'invalidReferenceImages', 'inputs.referenceImages', (t) => { t.inputs.referenceImages = [{ image: ref, tag: 'my-hero' }] }],
  ['an unknown key in a reference object', {}, 'unsupportedParameter', 'inputs.referenceImages[0].weight', (t) => { t.inputs.referenceImages = [{ image: ref, weight: 1 }] }],
  ['a lower-case outputType', { outputType: 'url' }, 'invalidOutputType', 'outputType'],
  ['an unknown outputFormat', { outputFormat: 'TIFF' }, 'invalidOutputFormat', 'outputFormat'],
  ['outputQuality 19', { outputQuality: 19 }, 'invalidOutputQuality', 'outputQuality'],
  ['outputQuality 100', { outputQuality: 100 }, 'invalidOutputQuality', 'outputQuality'],
  ['a fractional outputQuality', { outputQuality: 50.5 }, 'invalidOutputQuality', 'outputQuality'],
  ['numberResults 0', { numberResults: 0 }, 'invalidNumberResults', 'numberResults'],
  ['numberResults 21', { numberResults: 21 }, 'invalidNumberResults', 'numberResults'],
  ['numberResults as a string', { numberResults: '2' }, 'invalidNumberResults', 'numberResults'],
  ['ttl 59', { outputType: 'URL', ttl: 59 }, 'invalidTtl', 'ttl'],
  ['ttl with base64Data output', { outputType: 'base64Data', ttl: 600 }, 'invalidTtl', 'ttl'],
  ['an unknown deliveryMethod', { deliveryMethod: 'stream' }, 'invalidDeliveryMethod', 'deliveryMethod'],
  ['a webhookURL that is not http(s)', { webhookURL: 'ftp://example.com/hook' }, 'invalidWebhookURL', 'webhookURL'],
  ['a webhookURL that is not a URI', { webhookURL: 'not a url' }, 'invalidWebhookURL', 'webhookURL'],
  ['an uploadEndpoint that is not http(s)', { uploadEndpoint: 'file:///tmp/x.jpg' }, 'invalidUploadEndpoint', 'uploadEndpoint'],
  ['safety that is not an object', { safety: true }, 'invalidSafety', 'safety'],
  ['safety.checkContent that is not a boolean', { safety: { checkContent: 'yes' } }, 'invalidCheckContent', 'safety.checkContent'],
  ['safety.mode full, which this model lacks', { safety: { mode: 'full' } }, 'invalidMode', 'safety.mode'],
  ['includeCost that is not a boolean', { includeCost: 'true' }, 'invalidIncludeCost', 'includeCost'],
  ['providerSettings that is not an object', { providerSettings: 'runway' }, 'invalidProviderSettings', 'providerSettings'],
  ['contentModeration that is not an object', { providerSettings: { runway: { contentModeration: 'auto' } } }, 'invalidContentModeration', 'providerSettings.runway.contentModeration'],
  ['an unknown publicFigureThreshold', { providerSettings: { runway: { contentModeration: { publicFigureThreshold: 'high' } } } }, 'invalidPublicFigureThreshold', 'providerSettings.runway.contentModeration.publicFigureThreshold'],
]

describe('imageInference refusals', () => {
  it.each(refusals)('refuses %s', async (_name, overrides, code, parameter, edit) => {
    const error = await refusal(overrides, edit)
    expect(error).toMatchObject({ code, parameter, taskType: 'imageInference' })
    expect(error.message.length).toBeGreaterThan(10)
  })
})

describe('reference image contents', () => {
  it.each([
    ['undecodable base64', '!!!not-base64!!!'],
    ['base64 that is not an image', Buffer.from('hello world, not an image').toString('base64')],
    ['a data URI that is not an image type', `data:text/plain;base64,${Buffer.from('hi').toString('base64')}`],
    ['a data URI with a broken payload', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA'],
    ['an unknown UUID', '3b241101-e2bb-4255-8caf-4136c566a962'],
  ])('refuses %s, naming inputs.referenceImages', async (_name, image) => {
    const error = await refusal({ inputs: { referenceImages: [image] } })
    expect(error).toMatchObject({ code: 'invalidReferenceImages', parameter: 'inputs.referenceImages' })
    expect(error.message).toContain('inputs.referenceImages[0]')
  })

  it('refuses a reference whose aspect ratio is outside 0.5–2', async () => {
    const wide = await sharp({ create: { width: 900, height: 300, channels: 3, background: '#888' } }).png().toBuffer()
    const error = await refusal({ inputs: { referenceImages: [`data:image/png;base64,${wide.toString('base64')}`] } })
    expect(error.message).toMatch(/aspect ratio/)
  })
})

describe('imageInference acceptance', () => {
  it('accepts the boundaries: a 1000-unit prompt, quality 20 and 99, 500 emoji', async () => {
    await accepted({ positivePrompt: 'b'.repeat(1000), outputQuality: 20 })
    await accepted({ positivePrompt: '😀'.repeat(500), outputQuality: 99 })
  })

  it('accepts every option of the seed at once', async () => {
    const item = await accepted({
      width: 1440, height: 1080, outputType: 'URL', outputFormat: 'PNG', outputQuality: 80, ttl: 60,
      numberResults: 2, deliveryMethod: 'sync', includeCost: true, safety: { checkContent: true, mode: 'fast' },
      providerSettings: { runway: { contentModeration: { publicFigureThreshold: 'low' } } },
      inputs: { referenceImages: [{ image: ref, tag: 'hero1' }, { image: ref }] },
    })
    expect(item).toMatchObject({ imageURL: expect.stringMatching(/\.png$/), cost: 0.02, NSFWContent: false })
  })

  it('uses 1920x1080 when width and height are both omitted (emulator choice)', async () => {
    const item = await accepted({}, (t) => { delete t.width; delete t.height })
    const meta = await sharp(decodeResult(item)).metadata()
    expect([meta.width, meta.height]).toEqual([1920, 1080])
  })
})

describe('taskUUID reuse', () => {
  it('refuses a taskUUID used by an earlier task with conflictTaskUUID', async () => {
    const task = await inferenceTask()
    expect((await post(emu, [task])).status).toBe(200)
    const again = await post(emu, [{ ...task }])
    expect(again.status).toBe(400)
    expect(again.body.errors[0]).toMatchObject({ code: 'conflictTaskUUID', parameter: 'taskUUID', taskUUID: task.taskUUID })
  })

  it('refuses the second of two tasks sharing a taskUUID in one request', async () => {
    const task = await inferenceTask()
    const reply = await post(emu, [task, { ...task }])
    expect(reply.body.data).toHaveLength(1)
    expect(reply.body.errors.map((e: Json) => e.code)).toEqual(['conflictTaskUUID'])
  })

  it('leaves the taskUUID of a refused task free for a corrected retry', async () => {
    const task = await inferenceTask({ outputQuality: 5 })
    expect((await post(emu, [task])).status).toBe(400)
    expect((await post(emu, [{ ...task, outputQuality: 90 }])).status).toBe(200)
  })
})
