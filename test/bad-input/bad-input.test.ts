import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { MAX_SETTINGS_JSON_LENGTH } from '../../src/common/protocol/ui-to-plugin'
import { SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { GenerationOptionsSchema } from '../../ui/runware/generation-options'
import { DEFAULT_SETTINGS, readSettings } from '../../ui/state/settings'
import { runProblem } from '../../ui/generation/validate-run'
import { WARNING_TEXT, referenceWarnings } from '../../ui/image/reference-limits'
import { readiness } from '../../ui/state/readiness'
import { selectionText } from '../../ui/state/selection-text'
import { startEmulator, type Emulator } from '../emulator/index'
import { encodePng } from '../figma-fake/index'
import { addFrames, endpointOf, imageNodes, openPlugin, selectAndWait, signIn, until, type World } from '../support/plugin-world'

// Bad input, each case through the real sandbox and UI logic: a clear message, and the
// document and the stored settings exactly as they were.

let emulator: Emulator
let world: World
let frames: FrameNode[]

beforeAll(async () => {
  emulator = await startEmulator()
  world = openPlugin()
  frames = addFrames(world.fake, 4)
  await signIn(world, emulator.apiKey, endpointOf(emulator, 'websocket'))
  await selectAndWait(world, [frames[0]!])
  world.app.actions.setPrompt('a valid prompt')
  world.app.actions.pickSize({ width: 720, height: 720 })
  world.app.actions.setCount(2)
  world.app.actions.flush()
  await world.fake.flush()
})
afterAll(async () => {
  world.app.dispose()
  await emulator.close()
})

function documentSnapshot(): string {
  return JSON.stringify(
    world.fake.allNodes().map((n) => [n.id, n.type, n.name, n.x, n.y, n.width, n.height, n.getPluginDataKeys().map((k) => n.getPluginData(k))]),
  )
}

async function storedSettings(): Promise<unknown> {
  await world.fake.flush()
  // the draft prompt is remembered as typed, by design; everything else must not move
  const stored = (await world.fake.figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY)) as Record<string, unknown>
  const { lastPrompt: _draft, ...rest } = stored
  return rest
}

let docBefore: string
let settingsBefore: unknown
const sentBefore = () => emulator.tasks.filter((t) => t.task.taskType === 'imageInference').length
let tasksBefore: number
beforeEach(async () => {
  await world.fake.flush()
  docBefore = documentSnapshot()
  settingsBefore = await storedSettings()
  tasksBefore = sentBefore()
  world.app.state.notice.value = null
})

async function expectUnchanged(): Promise<void> {
  await world.fake.flush()
  expect(documentSnapshot()).toBe(docBefore)
  expect(await storedSettings()).toEqual(settingsBefore)
  expect(sentBefore()).toBe(tasksBefore)
}

/** Generate with the form as it is; returns the notice the designer sees. */
async function generateRefused(prompt = 'a valid prompt'): Promise<string> {
  world.app.actions.setPrompt(prompt)
  await world.app.actions.generate()
  await world.fake.flush()
  return world.app.state.notice.value?.message ?? ''
}

/**
 * Settings are the UI's: the sandbox keeps any JSON object it is sent, as it is. Sent raw with
 * a bad field, they are stored, and the UI reading them back at its next start gets `expected`:
 * that field's default, never the bad value, and every other setting as it was (consent
 * included). The UI's own settings are put back afterwards.
 */
async function expectStoredButReadWithDefault(settings: Record<string, unknown>, expected: unknown): Promise<void> {
  world.fake.ui.postToPlugin({ type: 'save-settings', settings })
  await world.fake.flush()
  const stored = await world.fake.figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY)
  expect(stored).toEqual(settings)
  const read = readSettings(stored)
  expect(read).toEqual(expected)
  expect(read.consentGiven).toBe(true)
  world.fake.ui.postToPlugin({ type: 'save-settings', settings: world.app.state.settings.value })
  await expectUnchanged()
}

async function restoreSelection(): Promise<void> {
  await selectAndWait(world, [frames[0]!])
}

describe('selection', () => {
  it('1 nothing selected', async () => {
    await selectAndWait(world, [], 'empty')
    expect(await generateRefused()).toBe('Select 1 to 3 frames to use as references')
    expect(selectionText('empty')?.title).toMatch(/Select 1 to 3 frames/)
    await expectUnchanged()
    await restoreSelection()
  })

  it('2 four frames selected: not refused, the first three in canvas order are the references', async () => {
    await selectAndWait(world, frames)
    const ready = readiness(world.app.state)
    expect(ready.references.map((ref) => ref.nodeId)).toEqual(frames.slice(0, 3).map((frame) => frame.id))
    expect(runProblem(ready)).toBeNull()
    await expectUnchanged()
    await restoreSelection()
  })

  it.each([
    ['3 only a hidden layer', 'hidden'],
    // an empty text layer hugs nothing: it has no width at all
    ['4 only a zero-size layer', 'empty-text'],
  ])('%s', async (_name, kind) => {
    const node: SceneNode = world.fake.asHost(() => {
      if (kind === 'empty-text') return world.fake.figma.createText()
      const rect = world.fake.figma.createRectangle()
      rect.resize(100, 100)
      rect.visible = false
      return rect
    })
    await world.fake.flush()
    docBefore = documentSnapshot()
    await selectAndWait(world, [node], 'unsupported')
    expect(await generateRefused()).toMatch(/Select 1 to 3 frames/)
    expect(selectionText('unsupported')?.title).toBe('The selected layers cannot be used as references')
    await expectUnchanged()
    world.fake.asHost(() => node.remove())
    await restoreSelection()
  })

  it.each([
    ['5 a frame over 4096 px', 5000],
    ['6 a frame of 20 000 px', 20_000],
  ])('%s is exported capped for the model, not refused', async (_name, side) => {
    const big = world.fake.addFrame({ name: 'Mood big', x: 0, y: 2000, width: side, height: side / 2, fill: { r: 0.5, g: 0.5, b: 0.5 } })
    await world.fake.flush()
    docBefore = documentSnapshot()
    await selectAndWait(world, [big])
    const [meta] = world.app.state.references.value.candidates
    expect(Math.max(meta!.pixelWidth, meta!.pixelHeight)).toBeLessThanOrEqual(2048)
    expect(runProblem(readiness(world.app.state))).toBeNull()
    await expectUnchanged()
    world.fake.asHost(() => big.remove())
    await restoreSelection()
  })

  it('7 aspect beyond 1:2 is padded, and the reference says so', async () => {
    const wide = world.fake.addFrame({ name: 'Mood wide', x: 0, y: 3000, width: 1000, height: 200, fill: { r: 0.1, g: 0.5, b: 0.5 } })
    await world.fake.flush()
    docBefore = documentSnapshot()
    await selectAndWait(world, [wide])
    const [meta] = world.app.state.references.value.candidates
    expect(referenceWarnings(meta!.pixelWidth, meta!.pixelHeight).map((w) => WARNING_TEXT[w])).toContain('Aspect is outside 1:2–2:1: will be padded to fit')
    await expectUnchanged()
    world.fake.asHost(() => wide.remove())
    await restoreSelection()
  })
})

describe('prompt and count', () => {
  it.each([
    ['8 empty prompt', '', 'Write a prompt to describe what you want'],
    ['9 whitespace-only prompt', ' \n\t ', 'The prompt is only spaces: describe what you want'],
    ['10 1001 UTF-16 units with emoji', '🌊'.repeat(500) + 'x', 'The prompt is 1 character too long (at most 1000)'],
  ])('%s', async (_name, prompt, message) => {
    expect(await generateRefused(prompt)).toBe(message)
    await expectUnchanged()
  })

  it('11 exactly 1000 UTF-16 units with emoji is accepted', () => {
    world.app.actions.setPrompt('🌊'.repeat(500))
    expect(world.app.state.prompt.value.length).toBe(1000)
    expect(runProblem(readiness(world.app.state))).toBeNull()
    world.app.actions.setPrompt('a valid prompt')
  })

  it.each([
    ['12 numberResults 0', 0, 1, 'At least 1 result'],
    ['13 numberResults 21', 21, 20, 'At most 20 results per run'],
  ])('%s is clamped and explained', (_name, raw, value, note) => {
    world.app.actions.setCount(raw)
    expect(world.app.state.count.value).toBe(value)
    expect(world.app.state.countNote.value).toBe(note)
    world.app.actions.setCount(2)
  })
})

describe('advanced options: the field’s own message, nothing saved', () => {
  it.each([
    ['14 ttl 59', { outputType: 'URL', ttl: 59 }, 'ttl', 'Keep the image URL for at least 60 seconds'],
    ['15 ttl without URL output', { outputType: 'dataURI', ttl: 120 }, 'ttl', 'Time to live only applies to URL output'],
    ['16 webhook over http', { webhookURL: 'http://example.com/hook' }, 'webhookURL', 'Use an https:// URL: Runware sends your images there'],
    ['17 upload endpoint over http', { uploadEndpoint: 'http://example.com/put' }, 'uploadEndpoint', 'Use an https:// URL: Runware sends your images there'],
    ['18 webhook that is not a URL', { webhookURL: 'my webhook' }, 'webhookURL', 'Enter a full URL, starting with https://'],
    ['19 quality 19', { outputQuality: 19 }, 'outputQuality', 'Quality must be at least 20'],
    ['20 quality 100', { outputQuality: 100 }, 'outputQuality', 'Quality can be at most 99'],
  ])('%s', async (_name, draft, field, message) => {
    const parsed = GenerationOptionsSchema.safeParse(draft)
    expect(parsed.success).toBe(false)
    const issue = parsed.error!.issues.find((i) => i.path[0] === field)
    expect(issue?.message).toBe(message)
    const good = world.app.state.settings.value
    const { [field]: _bad, ...rest } = draft as Record<string, unknown>
    const expected = { ...good, options: GenerationOptionsSchema.parse(rest) }
    expect((expected.options as Record<string, unknown>)[field]).not.toEqual((draft as Record<string, unknown>)[field])
    await expectStoredButReadWithDefault({ ...good, options: draft }, expected)
  })
})

describe('messages that should never arrive', () => {
  it('21 a disallowed size in save-settings is kept, and read back as the default size alone', async () => {
    const good = world.app.state.settings.value
    await expectStoredButReadWithDefault({ ...good, size: { width: 1000, height: 1000 } }, { ...good, size: DEFAULT_SETTINGS.size })
  })

  it.each([
    ['21b settings that are no object', ['size', 1000]],
    ['21c settings over the size bound', { ...DEFAULT_SETTINGS, lastPrompt: 'x'.repeat(MAX_SETTINGS_JSON_LENGTH) }],
  ])('%s in save-settings', async (_name, settings) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    world.fake.ui.postToPlugin({ type: 'save-settings', settings })
    await expectUnchanged()
    expect(warn.mock.calls.flat().join(' ')).toMatch(/save-settings' refused at settings/)
    warn.mockRestore()
  })

  it.each([
    ['22 a disallowed size in run-start', { width: 1000, height: 1000 }, 1, /run-start' refused at plan.size: This size is not one Gen-4 Image Turbo can make/],
    ['23 numberResults 21 in run-start', { width: 720, height: 720 }, 21, /run-start' refused at plan.count/],
  ])('%s', async (_name, size, count, logged) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const plan = { runId: `bad-${count}`, prompt: 'x', size, count, referenceNodeIds: [frames[0]!.id] }
    // the sandbox refuses it on arrival and answers the request id, so the UI's request fails at once…
    await expect(world.app.bridge.startRun(plan)).rejects.toThrow(/could not read this request/)
    // …and the same holds for a raw message that bypasses the bridge
    world.fake.ui.postToPlugin({ type: 'run-start', requestId: 'raw-1', plan })
    await expectUnchanged()
    expect(warn.mock.calls.flat().join(' ')).toMatch(logged)
    warn.mockRestore()
  })

  it('24 a malformed message to the sandbox', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    for (const raw of [null, 'run-start', { type: 'delete-everything' }, { type: 'place-result', index: -1 }]) world.fake.ui.postToPlugin(raw)
    await expectUnchanged()
    expect(warn.mock.calls.length).toBeGreaterThanOrEqual(4)
    warn.mockRestore()
  })

  it('25 a malformed message to the UI', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const settings = world.app.state.settings.value
    expect(world.app.bridge.receive({ type: 'init', settings: 'all of them' })).toBe(false)
    expect(world.app.bridge.receive({ type: 'key-state', apiKey: 42 })).toBe(false)
    expect(world.app.bridge.receive('<script>alert(1)</script>')).toBe(false)
    expect(world.app.state.settings.value).toBe(settings)
    expect(world.app.state.apiKey.value).toBe(emulator.apiKey)
    expect(warn).toHaveBeenCalled()
    warn.mockRestore()
    await expectUnchanged()
  })

  it('26 a WEBP image sent to be placed', async () => {
    const webp = new Uint8Array([...new TextEncoder().encode('RIFF'), 0, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 '), 0, 0, 0, 0])
    const plan = { runId: 'webp-run', prompt: 'x', size: { width: 720, height: 720 }, count: 1, referenceNodeIds: [frames[0]!.id] }
    await world.app.bridge.startRun(plan)
    const record = { version: 1 as const, runId: 'webp-run', index: 0, prompt: 'x', width: 720, height: 720, model: 'runway:4@2', taskUUID: 't', imageUUID: 'i', referenceNodeIds: [], createdAt: new Date().toISOString() }
    await expect(world.app.bridge.placeResult({ runId: 'webp-run', index: 0, image: webp, record })).rejects.toThrow('The image is a WEBP, which Figma cannot place. Choose PNG or JPG output.')
    await expect(world.app.bridge.placeResult({ runId: 'webp-run', index: 0, image: new Uint8Array([1, 2, 3]), record })).rejects.toThrow(/not a PNG, JPEG or GIF/)
    await expect(world.app.bridge.placeResultUrl({ runId: 'webp-run', index: 0, url: 'http://example.com/a.png', record })).rejects.toThrow(/not https/)
    world.app.bridge.send({ type: 'run-end', runId: 'webp-run', outcome: 'failed' })
    await expectUnchanged()
    expect(imageNodes(world.fake)).toHaveLength(0)
  })

  it('27 a result bigger than 4096 px sent to be placed', async () => {
    const plan = { runId: 'huge-run', prompt: 'x', size: { width: 720, height: 720 }, count: 1, referenceNodeIds: [frames[0]!.id] }
    await world.app.bridge.startRun(plan)
    const record = { version: 1 as const, runId: 'huge-run', index: 0, prompt: 'x', width: 720, height: 720, model: 'runway:4@2', taskUUID: 't', imageUUID: 'i', referenceNodeIds: [], createdAt: new Date().toISOString() }
    const huge = encodePng(4100, 1, new Uint8Array(4100 * 4))
    await expect(world.app.bridge.placeResult({ runId: 'huge-run', index: 0, image: huge, record })).rejects.toThrow('The image is 4100×1 px; Figma places images up to 4096 px per side.')
    world.app.bridge.send({ type: 'run-end', runId: 'huge-run', outcome: 'failed' })
    await expectUnchanged()
  })
})

describe('the key', () => {
  it('28 missing key', async () => {
    world.app.actions.forgetKey()
    await until(() => world.app.state.apiKey.value === null, 'the key to go')
    expect(await generateRefused()).toBe('Add your Runware API key first')
    const problem = () => (world.app.state.keyCheck.value.phase === 'malformed' ? world.app.state.keyCheck.value.message : null)
    expect(await world.app.actions.saveKey('   ')).toBe(false)
    expect(problem()).toBe('Paste your Runware API key first')
    expect(await world.app.actions.saveKey('two words')).toBe(false)
    expect(problem()).toBe('That does not look like a Runware API key')
    await expectUnchanged()
    expect(await world.app.actions.saveKey(emulator.apiKey)).toBe(true)
    expect(world.app.state.keyCheck.value).toEqual({ phase: 'done', kind: 'connected' })
    await until(() => world.app.state.apiKey.value === emulator.apiKey, 'the key to come back')
  })

  it('29 an empty key sent by message is refused and the stored key stays', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    world.fake.ui.postToPlugin({ type: 'save-key', key: '   ' })
    await expectUnchanged()
    expect(await world.fake.figma.clientStorage.getAsync('runware-api-key-v1')).toBe(emulator.apiKey)
    warn.mockRestore()
  })
})
