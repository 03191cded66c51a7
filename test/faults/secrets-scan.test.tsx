// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { KEY_IN_PROMPT } from '../../src/common/secret'
import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { App } from '../../ui/app'
import { DEFAULT_SETTINGS } from '../../ui/state/settings'
import { startEmulator, type Emulator } from '../emulator/index'
import { createFigmaFake } from '../figma-fake/index'
import { sharpRasterizer } from '../figma-fake/node-rasterizer'
import { addFrames, endpointOf, generate, openPlugin, realDownload, selectAndWait, until, type World } from '../support/plugin-world'
import { PENDING_RUNS_STORAGE_KEY } from '../../src/common/storage-keys'

// The key goes to Runware as its authentication and to clientStorage under its own entry,
// nowhere else. Over each transport: a recovery of a run an older version kept with the key
// in its prompt, prompts with the key early and late in a long text (refused before anything
// is sent), a good run, a malformed reply and a refused key; then History. The key is in no
// node's plugin data, no other clientStorage entry, History, the console, a notification, the
// recovery report, an error shown, the DOM outside the key field, nor any request but the
// authentication. The prompt carries markup, which must show as text.

const KEY = 'rw-secret-9f8e7d6c5b4a39281706'
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>'
const LONG = 'a misty harbour at dawn with copper boats and gulls over the water, '.repeat(12)
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] })
})
afterAll(async () => {
  await emulator.close()
})

function text(value: unknown): string {
  if (value instanceof Error) return `${value.message} ${value.stack}`
  if (typeof value === 'string') return value
  // Uint8Arrays as their numbers: a key hidden in bytes would not be, but thumbnails are images
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? `bytes(${v.length})` : v)) ?? String(value)
}

/** Every clientStorage entry but the key's own, as text. */
async function storageText(world: World): Promise<string[]> {
  const storage = world.fake.figma.clientStorage
  const keys = (await storage.keysAsync()).filter((key) => key !== API_KEY_STORAGE_KEY)
  return Promise.all(keys.map(async (key) => `${key}: ${text(await storage.getAsync(key))}`))
}

interface Request {
  url: string
  authorization: string
  body: string
}

function recordRequests(world: World): Request[] {
  const requests: Request[] = []
  const inner = world.fetchImpl
  world.fetchImpl = (input, init) => {
    const headers = new Headers(init?.headers)
    requests.push({ url: String(input), authorization: headers.get('authorization') ?? '', body: typeof init?.body === 'string' ? init.body : text(init?.body ?? '') })
    return inner(input, init)
  }
  return requests
}

describe.each(['websocket', 'rest'] as const)('the key over %s', (connection) => {
  it('is found nowhere but where it belongs', async () => {
    const consoleText: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleText.push(args.map(text).join(' '))),
    )
    const tasksBefore = emulator.tasks.length
    // as an earlier version could have left it: a pending run whose prompt held the key
    const oldRun = {
      taskUUID: '6a1f0c8e-1d2b-4c3a-9e8f-7a6b5c4d3e2f',
      plan: { runId: 'old-run', prompt: `dunes ${KEY} at dusk`, size: { width: 720, height: 720 }, count: 1, referenceNodeIds: ['0:9'] },
      placedImageUUIDs: [],
      sentAt: Date.now(),
    }
    const world = openPlugin({
      clientStorage: {
        [API_KEY_STORAGE_KEY]: KEY,
        [SETTINGS_STORAGE_KEY]: { ...DEFAULT_SETTINGS, consentGiven: true, endpoint: endpointOf(emulator, connection) },
        [PENDING_RUNS_STORAGE_KEY]: [oldRun],
      },
    })
    const requests = recordRequests(world)
    const container = document.createElement('div')
    document.body.append(container)
    await act(() => render(<App app={world.app} />, container))
    await until(() => world.app.recovery.report.value.length > 0 && !world.app.recovery.busy.value, 'the recovery report')
    const report = [...world.app.recovery.report.value]
    expect(report.join(' ')).toContain('dunes [api key] at dusk')

    const [frame] = addFrames(world.fake)
    await selectAndWait(world, [frame!])
    const errors: string[] = []
    const noteError = () => {
      const run = world.app.controller.run.value
      for (const shown of [run?.error?.message, run?.error?.detail, world.app.state.notice.value?.message, world.app.state.notice.value?.detail]) if (shown) errors.push(shown)
    }

    // a prompt holding the key, early or late in a long text, is refused and nothing is sent
    const sentBefore = emulator.tasks.length
    const requestsBefore = requests.length
    for (const prompt of [`${KEY} ${LONG}`, `${LONG}${HOSTILE} key=${KEY}`]) {
      await generate(world, prompt)
      expect(world.app.state.notice.value?.message).toBe(KEY_IN_PROMPT)
      noteError()
    }
    expect(emulator.tasks.length).toBe(sentBefore)
    expect(requests.length).toBe(requestsBefore)
    // nor stored: the prompt saved with the settings leaves the key out
    await world.fake.flush()
    expect((await storageText(world)).filter((entry) => entry.includes(KEY))).toEqual([])

    await generate(world, `${HOSTILE} ${LONG}`)
    expect(world.app.controller.run.value?.phase).toBe('done')
    noteError()
    await selectAndWait(world, [frame!])
    emulator.injectFault({ kind: 'malformedBody' })
    await generate(world, HOSTILE)
    noteError()
    await selectAndWait(world, [frame!])
    emulator.injectFault({ kind: 'status', status: 401 })
    await generate(world, HOSTILE)
    expect(world.app.controller.run.value?.phase).toBe('failed')
    noteError()
    await act(async () => {
      await world.fake.flush()
    })

    // markup in the prompt is text in the DOM, never elements
    expect(container.querySelector('script, img[src="x"], b')).toBeNull()
    expect(container.querySelector('textarea')?.value).toBe(HOSTILE)

    // the whole DOM, main view, History and settings, as text and attribute values: a saved
    // key is only ever shown masked, so there is no key field to leave out while one is stored
    const domText = () =>
      [...container.querySelectorAll('*')]
        .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').concat([...el.attributes].map((a) => a.value)))
        .join('\n')
    const mainDom = domText()
    await act(() => world.app.historyActions.open())
    await until(() => world.app.history.entries.value.length > 0, 'History')
    await act(async () => {
      await world.fake.flush()
    })
    const historyDom = domText()
    expect(historyDom).toContain('a misty harbour at dawn')
    const historyEntries = world.app.history.entries.value.map(text)
    await act(() => world.app.actions.openSettings())
    const masked = container.querySelector('[aria-label="API key, hidden"]')?.textContent ?? ''
    expect(masked.length).toBeGreaterThan(0)
    const domOutsideKeyField = `${mainDom}\n${historyDom}\n${domText()}`
    const storage = await storageText(world)
    expect(storage.some((entry) => entry.startsWith('history-v2') && entry.includes('a misty harbour at dawn'))).toBe(true)

    // "Forget key" removes it from clientStorage; the field to enter a new one is masked
    await act(() => world.app.actions.forgetKey())
    await act(async () => {
      await world.fake.flush()
    })
    expect(await world.fake.figma.clientStorage.getAsync(API_KEY_STORAGE_KEY)).toBeUndefined()
    expect(container.querySelector('input[type="password"]')).not.toBeNull()
    const pluginData = world.fake.allNodes().flatMap((node) => [node.name, ...node.getPluginDataKeys().map((k) => node.getPluginData(k))])
    const notifications = world.fake.notifications.map((n) => n.message)
    for (const spy of spies) spy.mockRestore()

    expect(pluginData.length).toBeGreaterThan(2)
    expect(errors.length).toBeGreaterThan(2)
    expect(domOutsideKeyField.length).toBeGreaterThan(100)
    const places = { pluginData, storage, historyEntries, notifications, consoleText, report, errors, domOutsideKeyField: [domOutsideKeyField] }
    for (const [where, texts] of Object.entries(places)) {
      expect(texts.filter((entry) => entry.includes(KEY)), where).toEqual([])
    }

    // the key reached Runware only as the authentication: the socket's authentication task, or
    // the REST Authorization header; never a task, a body or a URL
    const tasks = emulator.tasks.slice(tasksBefore)
    expect(tasks.filter((t) => t.transport !== (connection === 'rest' ? 'rest' : 'ws'))).toEqual([])
    expect(tasks.filter((t) => t.task.taskType !== 'authentication' && JSON.stringify(t.task).includes(KEY))).toEqual([])
    if (connection === 'websocket') {
      expect(tasks.filter((t) => t.task.taskType === 'authentication' && t.task.apiKey === KEY).length).toBeGreaterThan(0)
    } else {
      expect(requests.length).toBeGreaterThan(2)
      expect(requests.filter((r) => r.url.includes(KEY) || r.body.includes(KEY))).toEqual([])
      expect(requests.every((r) => r.authorization === `Bearer ${KEY}`)).toBe(true)
    }
    world.app.dispose()
    container.remove()
  }, 60_000)
})

describe('the key typed in Quick Actions', () => {
  it('closes the plugin with a notification that neither runs nor repeats the prompt', async () => {
    const consoleText: string[] = []
    const spy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void consoleText.push(args.map(text).join(' ')))
    const tasksBefore = emulator.tasks.length
    const fake = createFigmaFake({
      command: 'generate',
      rasterizer: sharpRasterizer,
      fetchImage: realDownload,
      clientStorage: { [API_KEY_STORAGE_KEY]: KEY, [SETTINGS_STORAGE_KEY]: { ...DEFAULT_SETTINGS, consentGiven: true, endpoint: endpointOf(emulator, 'websocket') } },
    })
    const storedBytes = fake.storageBytes()
    const [frame] = addFrames(fake)
    fake.select([frame!])
    const world = openPlugin({ fake, launch: { command: 'generate', parameters: { prompt: `${LONG}${KEY}` } } })
    await until(() => fake.closed, 'the plugin to close')
    spy.mockRestore()
    expect(fake.closeMessage).toBe(KEY_IN_PROMPT)
    expect(emulator.tasks.length).toBe(tasksBefore)
    expect(world.app.state.prompt.value).toBe('')
    // nothing at all was written: the settings were not saved with the prompt in them
    expect(fake.storageBytes()).toBe(storedBytes)
    for (const [where, texts] of Object.entries({ consoleText, notifications: fake.notifications.map((n) => n.message) })) {
      expect(texts.filter((entry) => entry.includes(KEY) || entry.includes('misty harbour')), where).toEqual([])
    }
    world.app.dispose()
  })
})
