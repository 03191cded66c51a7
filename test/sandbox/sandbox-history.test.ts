import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_SETTINGS } from '../../ui/state/settings'
import { KEY_IN_PROMPT } from '../../src/common/secret'
import { API_KEY_STORAGE_KEY, SETTINGS_STORAGE_KEY } from '../../src/common/storage-keys'
import { HISTORY_LIMITS } from '../../src/history/bound-history'
import { entry } from '../history/fixtures'
import { readySandbox, startSandbox } from './harness'
import { plan } from './run-fixtures'
import { HISTORY_STORAGE_KEY, OLD_HISTORY_KEYS, PENDING_RUNS_STORAGE_KEY } from '../../src/common/storage-keys'

// History in clientStorage, the spend total, Quick Actions suggestions from History, and the
// hidden Quick Actions run that closes with a notification.

describe('history storage', () => {
  it('stores runs newest first, answers with the list and the spend, and removes on request', async () => {
    const sandbox = await readySandbox()
    const empty = await sandbox.request({ type: 'history-list' }, 'history')
    expect(empty).toEqual({ type: 'history', entries: [], spend: { total: 0, images: 0 } })

    await sandbox.request({ type: 'history-add', entry: entry('a', { cost: 0.04, placed: 2 }, 3000) }, 'history')
    const after = await sandbox.request({ type: 'history-add', entry: entry('b', { cost: 0.06, placed: 3, count: 3 }) }, 'history')
    expect(after.entries.map((e) => e.id)).toEqual(['b', 'a'])
    expect(after.entries[1]!.thumbnails[0]).toBeInstanceOf(Uint8Array)
    expect(after.spend.total).toBeCloseTo(0.1)
    expect(after.spend).toMatchObject({ images: 5, lastPricePerImage: 0.02 })

    // The same run sent again is not counted twice.
    const again = await sandbox.request({ type: 'history-add', entry: entry('b', { cost: 0.06, placed: 3, count: 3 }) }, 'history')
    expect(again.spend.images).toBe(5)

    const removed = await sandbox.request({ type: 'history-remove', id: 'a' }, 'history')
    expect(removed.entries.map((e) => e.id)).toEqual(['b'])
    expect(removed.spend.images).toBe(5)
    // runs and total in one value, written together
    expect(await sandbox.figma.clientStorage.getAsync(HISTORY_STORAGE_KEY)).toEqual({ entries: removed.entries, spend: removed.spend })
  })

  it('stays within its byte budget however many runs are added', async () => {
    const sandbox = await readySandbox()
    for (let i = 0; i < 40; i++) sandbox.send({ type: 'history-add', entry: entry(`run-${i}`, {}, 24_000) })
    await sandbox.settle()
    const list = await sandbox.request({ type: 'history-list' }, 'history')
    expect(list.entries.length).toBeLessThan(40)
    expect(list.entries[0]!.id).toBe('run-39')
    expect(sandbox.fake.storageBytes()).toBeLessThan(HISTORY_LIMITS.maxBytes + 50_000)
  })

  it('drops stored entries that no longer parse instead of losing the whole history', async () => {
    const sandbox = await readySandbox({ clientStorage: { [HISTORY_STORAGE_KEY]: { entries: [entry('ok'), { id: 42 }], spend: { total: -1 } } } })
    const list = await sandbox.request({ type: 'history-list' }, 'history')
    expect(list.entries.map((e) => e.id)).toEqual(['ok'])
    expect(list.spend).toEqual({ total: 0, images: 0 })
  })
})

describe('history and spend stay consistent', () => {
  it('reads the two keys of the earlier layout, then keeps both in the one key and removes the old ones', async () => {
    const [oldHistory, oldSpend] = OLD_HISTORY_KEYS
    const sandbox = await readySandbox({
      clientStorage: { [oldHistory]: [entry('old', { cost: 0.04, placed: 2 })], [oldSpend]: { total: 1.5, images: 75, lastPricePerImage: 0.02 } },
    })
    const listed = await sandbox.request({ type: 'history-list' }, 'history')
    expect(listed.entries.map((e) => e.id)).toEqual(['old'])
    expect(listed.spend).toEqual({ total: 1.5, images: 75, lastPricePerImage: 0.02 })

    const added = await sandbox.request({ type: 'history-add', entry: entry('new', { cost: 0.1, placed: 2 }) }, 'history')
    expect(added.entries.map((e) => e.id)).toEqual(['new', 'old'])
    expect(added.spend).toMatchObject({ images: 77, lastPricePerImage: 0.05 })
    expect(added.spend.total).toBeCloseTo(1.6)
    const keys = await sandbox.figma.clientStorage.keysAsync()
    expect(keys).toContain(HISTORY_STORAGE_KEY)
    expect(keys.filter((key) => (OLD_HISTORY_KEYS as readonly string[]).includes(key))).toEqual([])
    expect(await sandbox.figma.clientStorage.getAsync(HISTORY_STORAGE_KEY)).toEqual({ entries: added.entries, spend: added.spend })
  })

  it('a run storage refuses is neither listed nor counted', async () => {
    // so full that even one small run no longer fits beside what is stored
    const first = entry('first', { cost: 0.04, placed: 2 })
    const sandbox = await readySandbox()
    await sandbox.request({ type: 'history-add', entry: first }, 'history')
    const used = sandbox.fake.storageBytes()
    await sandbox.figma.clientStorage.setAsync('filler', new Uint8Array(5_000_000 - used - 'filler'.length - 200))
    const before = await sandbox.figma.clientStorage.getAsync(HISTORY_STORAGE_KEY)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const after = await sandbox.request({ type: 'history-add', entry: entry('second', { cost: 0.5, placed: 1 }, 4000) }, 'history')
    warn.mockRestore()
    expect(after.entries.map((e) => e.id)).toEqual(['first'])
    expect(after.spend).toEqual({ total: 0.04, images: 2, lastPricePerImage: 0.02 })
    expect(await sandbox.figma.clientStorage.getAsync(HISTORY_STORAGE_KEY)).toEqual(before)
    expect(sandbox.fake.notifications.map((n) => n.message)).toContain('Couldn’t add this run to History: Figma’s plugin storage is full')
  })
})

describe('Quick Actions with History', () => {
  it('suggests earlier prompts from History that contain what is typed', async () => {
    const stored = { ...DEFAULT_SETTINGS, lastPrompt: 'Neon alley' }
    const sandbox = await startSandbox({
      command: 'generate',
      clientStorage: {
        [SETTINGS_STORAGE_KEY]: stored,
        [HISTORY_STORAGE_KEY]: { entries: [entry('2', { prompt: 'Misty dunes at noon' }), entry('1', { prompt: 'Tidal blue' })], spend: { total: 0, images: 0 } },
      },
    })
    const all = sandbox.fake.fireParameterInput({ key: 'prompt', query: '' })
    const typed = sandbox.fake.fireParameterInput({ key: 'prompt', query: 'dunes' })
    await sandbox.settle()
    expect(all.suggestions).toEqual([
      { name: 'Misty dunes at noon', data: 'Misty dunes at noon' },
      { name: 'Tidal blue', data: 'Tidal blue' },
      { name: 'Neon alley', data: 'Neon alley' },
    ])
    expect(typed.suggestions).toEqual([
      { name: 'dunes', data: 'dunes' },
      { name: 'Misty dunes at noon', data: 'Misty dunes at noon' },
    ])
  })

  it('opens the UI hidden for a prompt, and closes with the UI’s message when it is done', async () => {
    const sandbox = await startSandbox({ command: 'generate' })
    sandbox.fake.runEvents.fire({ command: 'generate', parameters: { prompt: 'Fern spirals' } })
    expect(sandbox.fake.ui.shown).toBe(true)
    expect(sandbox.fake.ui.options?.visible).toBe(false)
    sandbox.send({ type: 'ui-ready' })
    const init = await sandbox.waitFor('init')
    expect(init.settings).toMatchObject({ lastPrompt: 'Fern spirals' })

    sandbox.send({ type: 'close-plugin', message: `Placed 2 images for “${'x'.repeat(200)}”` })
    await sandbox.settle()
    expect(sandbox.fake.closed).toBe(true)
    expect(sandbox.fake.closeMessage!.length).toBeLessThanOrEqual(100)
    expect(sandbox.fake.closeMessage).toMatch(/^Placed 2 images for/)
  })

  it('opens the full window when Quick Actions gave no prompt', async () => {
    const sandbox = await startSandbox({ command: 'generate' })
    sandbox.fake.runEvents.fire({ command: 'generate' })
    expect(sandbox.fake.ui.options?.visible).toBe(true)
  })
})

describe('a prompt holding the API key', () => {
  const secret = 'rw-KEY-5e4d3c2b1a'

  it('is never written to History, and the list says what is stored', async () => {
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: secret } })
    await sandbox.request({ type: 'history-add', entry: entry('fine', { prompt: 'Tidal blue' }) }, 'history')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const list = await sandbox.request({ type: 'history-add', entry: entry('leaky', { prompt: `Tidal blue with${secret}inside` }) }, 'history')
    warn.mockRestore()
    expect(list.entries.map((e) => e.id)).toEqual(['fine'])
    expect(JSON.stringify(await sandbox.figma.clientStorage.getAsync(HISTORY_STORAGE_KEY))).not.toContain(secret)
    expect(warn.mock.calls.flat().join(' ')).not.toContain(secret)
  })

  it('typed in Quick Actions closes the plugin at once with a notification that does not repeat it', async () => {
    const sandbox = await startSandbox({ command: 'generate', clientStorage: { [API_KEY_STORAGE_KEY]: secret } })
    sandbox.fake.runEvents.fire({ command: 'generate', parameters: { prompt: `Fern spirals ${secret.slice(0, 6)}\u200b${secret.slice(6)}` } })
    sandbox.send({ type: 'ui-ready' })
    await sandbox.settle()
    expect(sandbox.fake.closed).toBe(true)
    expect(sandbox.fake.closeMessage).toBe(KEY_IN_PROMPT)
    expect(sandbox.of('init')).toEqual([])
    expect(JSON.stringify(sandbox.received)).not.toContain(secret.slice(6))
  })

  it('kept by an older version in a pending run reaches the UI hidden', async () => {
    const pending = [{ taskUUID: 'task-1', plan: plan({ referenceNodeIds: ['1:2'], prompt: `dunes ${secret}` }), placedImageUUIDs: [], sentAt: Date.now() }]
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: secret, [PENDING_RUNS_STORAGE_KEY]: pending } })
    const [message] = sandbox.of('pending-runs')
    expect(message?.runs.map((run) => run.plan.prompt)).toEqual(['dunes [api key]'])
  })
})
