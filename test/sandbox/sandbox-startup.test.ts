import { afterEach, describe, expect, it, vi } from 'vitest'

import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { MAX_SETTINGS_JSON_LENGTH } from '../../src/common/protocol/ui-to-plugin'
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../ui/state/settings'
import { UNREADABLE_REQUEST } from '../../src/messages/router'
import { UI_SIZE, UI_TITLE } from '../../src/plugin'
import { readySandbox, startSandbox } from './harness'

afterEach(() => {
  vi.restoreAllMocks()
})

const custom: Settings = { ...DEFAULT_SETTINGS, size: { width: 1920, height: 1080 }, numberResults: 7, lastPrompt: 'dunes' }

describe('start-up', () => {
  it('opens a themed UI of a Figma-like size', async () => {
    const { fake } = await startSandbox()
    expect(fake.ui.shown).toBe(true)
    expect(fake.ui.options).toMatchObject({ themeColors: true, width: UI_SIZE.width, height: UI_SIZE.height, title: UI_TITLE })
  })

  it('answers ui-ready with init (defaults, no key) and then the selection', async () => {
    const sandbox = await readySandbox()
    expect(sandbox.received.map((m) => m.type).slice(0, 3)).toEqual(['init', 'selection', 'selected-record'])
    // nothing stored: an empty object, which the UI reads as its defaults
    expect(sandbox.received[0]).toEqual({ type: 'init', settings: {}, apiKey: null, editorType: 'figma', command: '', uploads: [] })
    expect(sandbox.of('selection')[0]).toMatchObject({ state: 'empty', references: [], usableCount: 0 })
  })

  it('sends nothing about the selection before the UI is ready', async () => {
    const sandbox = await startSandbox()
    sandbox.fake.select([sandbox.fake.addFrame({ width: 600, height: 600 })])
    await new Promise((resolve) => setTimeout(resolve, 250))
    await sandbox.settle()
    expect(sandbox.received).toEqual([])
  })

  it('reads stored settings and key, and reports FigJam and the launch command', async () => {
    const sandbox = await readySandbox({
      editorType: 'figjam',
      command: 'variations',
      clientStorage: { [SETTINGS_STORAGE_KEY]: custom, [API_KEY_STORAGE_KEY]: 'rw-key-1' },
    })
    expect(sandbox.of('init')[0]).toEqual({ type: 'init', settings: custom, apiKey: 'rw-key-1', editorType: 'figjam', command: 'variations', uploads: [] })
  })

  it('takes the command of a run event (a relaunch button)', async () => {
    const sandbox = await startSandbox()
    sandbox.fake.runEvents.fire({ command: 'reuse-settings' })
    sandbox.send({ type: 'ui-ready' })
    expect((await sandbox.waitFor('init')).command).toBe('reuse-settings')
  })
})

describe('settings are the UI’s: the sandbox keeps them without reading them', () => {
  // Valid JSON, but no longer settings the UI can use: every field but lastPrompt is wrong.
  const unreadable = { size: { width: 3, height: 3 }, numberResults: 'many', endpoint: 42, future: { kept: true }, lastPrompt: 'dunes at dusk' }

  it('hands unreadable stored settings back untouched, and the UI reads each unreadable one as its default', async () => {
    const sandbox = await readySandbox({ clientStorage: { [SETTINGS_STORAGE_KEY]: unreadable } })
    const init = sandbox.of('init')[0]!
    expect(init.settings).toEqual(unreadable)
    expect(readSettings(init.settings)).toEqual({ ...DEFAULT_SETTINGS, lastPrompt: 'dunes at dusk' })
  })

  it.each([['a string', 'settings'], ['an array', [1, 2]], ['a number', 7]])('sends an empty object when %s is stored', async (_, stored) => {
    const sandbox = await readySandbox({ clientStorage: { [SETTINGS_STORAGE_KEY]: stored } })
    const init = sandbox.of('init')[0]!
    expect(init.settings).toEqual({})
    expect(readSettings(init.settings)).toEqual(DEFAULT_SETTINGS)
  })

  it('stores any JSON object the UI saves as it is, with no defaults added', async () => {
    const sandbox = await readySandbox()
    const own = { size: { width: 999, height: 999 }, somethingNew: [1, 'two'] }
    sandbox.send({ type: 'save-settings', settings: own })
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY)).toEqual(own)
  })

  it('reads only lastPrompt: Quick Actions suggests it though nothing else parses', async () => {
    const sandbox = await startSandbox({ command: 'generate', clientStorage: { [SETTINGS_STORAGE_KEY]: unreadable } })
    const input = sandbox.fake.fireParameterInput({ key: 'prompt', query: '' })
    await sandbox.settle()
    expect(input.suggestions).toEqual([{ name: 'dunes at dusk', data: 'dunes at dusk' }])
  })

  it('suggests no last prompt when the stored one is not text', async () => {
    const stored = { ...unreadable, lastPrompt: 42 }
    const sandbox = await startSandbox({ command: 'generate', clientStorage: { [SETTINGS_STORAGE_KEY]: stored } })
    const input = sandbox.fake.fireParameterInput({ key: 'prompt', query: '' })
    await sandbox.settle()
    expect(input.suggestions).toEqual([])
  })
})

describe('stored settings and key', () => {
  it('saves settings under the versioned key and serves them on the next init', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'save-settings', settings: custom })
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY)).toEqual(custom)
    const init = await sandbox.request({ type: 'ui-ready' }, 'init')
    expect(init.settings).toEqual(custom)
  })

  it('saves and forgets the key, answering key-state each time', async () => {
    const sandbox = await readySandbox()
    expect(await sandbox.request({ type: 'save-key', key: '  rw-abc  ' }, 'key-state')).toEqual({ type: 'key-state', apiKey: 'rw-abc' })
    expect(await sandbox.figma.clientStorage.getAsync(API_KEY_STORAGE_KEY)).toBe('rw-abc')
    expect(await sandbox.request({ type: 'forget-key' }, 'key-state')).toEqual({ type: 'key-state', apiKey: null })
    expect(await sandbox.figma.clientStorage.getAsync(API_KEY_STORAGE_KEY)).toBeUndefined()
  })

  it('keeps the old values and says so when storage is over its budget', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const oldKey = 'rw-old'
    // 5 MB per plugin; leave only a few bytes free.
    const used = 'runware-api-key-v1'.length + JSON.stringify(oldKey).length + 'filler'.length + 1
    const filler = new Uint8Array(5_000_000 - used - 8)
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: oldKey, filler } })

    const state = await sandbox.request({ type: 'save-key', key: 'rw-a-much-longer-new-key' }, 'key-state')
    expect(state.apiKey).toBe(oldKey)
    sandbox.send({ type: 'save-settings', settings: custom })
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.getAsync(SETTINGS_STORAGE_KEY)).toBeUndefined()
    expect(sandbox.fake.notifications.map((n) => [n.message, n.options?.error])).toEqual([
      ['Couldn’t save the API key: Figma’s plugin storage refused it', true],
      ['Couldn’t save your settings: Figma’s plugin storage refused them', true],
    ])
  })
})

describe('invalid messages', () => {
  it('are refused with a logged reason and no side effects', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const sandbox = await readySandbox()
    const frame = sandbox.fake.addFrame({ name: 'Source', width: 800, height: 600 })
    const before = {
      nodes: sandbox.fake.allNodes().map((n) => `${n.id}:${n.name}`),
      storage: sandbox.fake.storageBytes(),
      notifications: sandbox.fake.notifications.length,
      undo: sandbox.fake.undoCheckpoints,
      received: sandbox.received.length,
    }
    const invalid: unknown[] = [
      null,
      'ui-ready',
      { type: 'launch-rockets' },
      { type: 'save-key', key: '   ' },
      { type: 'save-settings', settings: ['not', 'an', 'object'] },
      { type: 'save-settings', settings: { lastPrompt: 'x'.repeat(MAX_SETTINGS_JSON_LENGTH) } },
      { type: 'notify', message: 42 },
      { type: 'resize-ui', width: 10, height: 10 },
      { type: 'run-end', runId: 'r', outcome: 'exploded' },
      { type: 'run-start', requestId: 'bad-plan', plan: { runId: 'r', prompt: 'x', size: { width: 1000, height: 1000 }, count: 1, referenceNodeIds: [frame.id] } },
      { type: 'run-start', requestId: 'too-many', plan: { runId: 'r', prompt: 'x', size: { width: 1024, height: 1024 }, count: 21, referenceNodeIds: [frame.id] } },
      { type: 'place-result', requestId: 'not-bytes', runId: 'r', index: 0, image: [1, 2, 3], record: {} },
      { type: 'select-nodes', requestId: 'no-list', nodeIds: frame.id },
    ]
    for (const message of invalid) sandbox.send(message as Record<string, unknown>)
    await sandbox.settle()

    expect(warn).toHaveBeenCalledTimes(invalid.length)
    expect(sandbox.fake.allNodes().map((n) => `${n.id}:${n.name}`)).toEqual(before.nodes)
    expect(sandbox.fake.storageBytes()).toBe(before.storage)
    expect(sandbox.fake.notifications).toHaveLength(before.notifications)
    expect(sandbox.fake.undoCheckpoints).toBe(before.undo)
    expect(sandbox.fake.ui.options).toMatchObject({ width: UI_SIZE.width, height: UI_SIZE.height })
    const replies = sandbox.received.slice(before.received)
    expect(replies).toEqual(
      ['bad-plan', 'too-many', 'not-bytes', 'no-list'].map((requestId) => ({ type: 'request-failed', requestId, message: UNREADABLE_REQUEST })),
    )
  })
})

describe('window and notifications', () => {
  it('shows notify messages cut to Figma’s 100 characters, with error styling when asked', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'notify', message: 'Saved' })
    sandbox.send({ type: 'notify', message: 'x'.repeat(150), error: true })
    await sandbox.settle()
    expect(sandbox.fake.notifications[0]).toMatchObject({ message: 'Saved' })
    expect(sandbox.fake.notifications[0]?.options?.error).toBeUndefined()
    expect(sandbox.fake.notifications[1]?.message).toHaveLength(100)
    expect(sandbox.fake.notifications[1]?.message.endsWith('…')).toBe(true)
    expect(sandbox.fake.notifications[1]?.options?.error).toBe(true)
  })

  it('resizes the UI', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'resize-ui', width: 420, height: 800 })
    await sandbox.settle()
    expect(sandbox.fake.ui.options).toMatchObject({ width: 420, height: 800 })
  })

  it('selects the nodes it finds on the current page and scrolls to them', async () => {
    const sandbox = await readySandbox()
    const a = sandbox.fake.addFrame({ name: 'A', x: 0, y: 0, width: 300, height: 300 })
    const b = sandbox.fake.addFrame({ name: 'B', x: 400, y: 0, width: 300, height: 300 })
    const elsewhere = sandbox.fake.addPage('Other')
    const far = sandbox.fake.addFrame({ name: 'Far', parent: elsewhere })
    const reply = await sandbox.request({ type: 'select-nodes', requestId: 's1', nodeIds: [a.id, b.id, far.id, '999:999'] }, 'nodes-selected')
    expect(reply).toEqual({ type: 'nodes-selected', requestId: 's1', found: 2 })
    expect(sandbox.figma.currentPage.selection.map((n) => n.id).sort()).toEqual([a.id, b.id].sort())
    expect(sandbox.fake.scrolledIntoView.at(-1)?.map((n) => n.id).sort()).toEqual([a.id, b.id].sort())
  })
})

describe('Quick Actions launch (“Generate from selection”)', () => {
  it('waits for run before opening the UI, suggests prompts, and hands the typed prompt to the UI', async () => {
    const stored = { ...DEFAULT_SETTINGS, lastPrompt: 'last time' }
    const sandbox = await startSandbox({ command: 'generate', clientStorage: { [SETTINGS_STORAGE_KEY]: stored } })
    // No visible UI while the parameters are being typed.
    expect(sandbox.fake.ui.shown).toBe(false)

    const empty = sandbox.fake.fireParameterInput({ key: 'prompt', query: '' })
    const typed = sandbox.fake.fireParameterInput({ key: 'prompt', query: ' misty dunes ' })
    await sandbox.settle()
    expect(empty.suggestions).toEqual([{ name: 'last time', data: 'last time' }])
    expect(typed.suggestions).toEqual([{ name: 'misty dunes', data: 'misty dunes' }])

    sandbox.fake.runEvents.fire({ command: 'generate', parameters: { prompt: '  misty dunes at noon ' } })
    expect(sandbox.fake.ui.shown).toBe(true)
    sandbox.send({ type: 'ui-ready' })
    const init = await sandbox.waitFor('init')
    expect(init.command).toBe('generate')
    expect(init.settings).toEqual({ ...stored, lastPrompt: 'misty dunes at noon' })
  })

  it('a run event on an ordinary launch does not reopen the UI', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'resize-ui', width: 420, height: 800 })
    await sandbox.settle()
    sandbox.fake.runEvents.fire({ command: 'open' })
    await sandbox.settle()
    // A second showUI would have opened a fresh window at the initial size.
    expect(sandbox.fake.ui.options).toMatchObject({ width: 420, height: 800 })
    expect(await sandbox.request({ type: 'forget-key' }, 'key-state')).toEqual({ type: 'key-state', apiKey: null })
  })
})
