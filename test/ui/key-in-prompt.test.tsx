// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { KEY_IN_PROMPT } from '../../src/common/secret'
import { describeError } from '../../ui/generation/error-text'
import { blockedText } from '../../ui/quick/quick-run-text'
import { entry } from '../history/fixtures'
import { record } from './fixtures'
import { button, click, field, generateReason, keyDown, renderApp, TEST_KEY, text, type, type Rendered } from './render-app'

// A prompt that holds the API key is refused before anything is sent or stored, from every
// way a prompt gets into the form: typed, from a selected image's record, from History, and
// from Quick Actions. Only the key field and the sandbox's key entry ever hold the key.

let ui: Rendered
afterEach(() => {
  ui.cleanup()
  vi.restoreAllMocks()
})

const long = 'a weathered copper lighthouse on basalt cliffs, '.repeat(12)

/** Everything the UI posted to the sandbox, as text: none of it may hold the key. */
function posted(): string {
  return JSON.stringify(ui.sent)
}

describe('a prompt holding the API key', () => {
  it('typed into the form: Generate says why and sends nothing, the saved prompt leaves it out', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select()
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    for (const typed of [`${TEST_KEY} ${long}`, `${long}token=${TEST_KEY}.`, `${long}${TEST_KEY.slice(0, 8)}\n${TEST_KEY.slice(8)}`]) {
      await type(prompt, typed)
      expect(generateReason(ui.container)).toBe(KEY_IN_PROMPT)
      expect(button(ui.container, 'Generate').disabled).toBe(true)
      // the keyboard shortcut and the action itself are refused the same way
      await keyDown(prompt, { key: 'Enter', ctrlKey: true })
      await ui.app.actions.generate()
      await ui.settle()
      expect(ui.app.state.notice.value?.message).toBe(KEY_IN_PROMPT)
    }
    ui.app.actions.flush()
    await ui.settle()
    expect(ui.ofType('run-start')).toEqual([])
    expect(ui.runware.started).toBe(false)
    expect(ui.ofType('save-settings').length).toBeGreaterThan(0)
    expect(posted()).not.toContain(TEST_KEY)
    expect(posted()).not.toContain(TEST_KEY.slice(8))
    // the designer's text stays in the field to be fixed
    expect(prompt.value).toContain(TEST_KEY.slice(8))
    expect(text(ui.container)).toContain(KEY_IN_PROMPT)

    await type(prompt, long)
    expect(generateReason(ui.container)).toBeNull()
  })

  it('from a selected image’s record (“Use this prompt”, Variations): refused the same way', async () => {
    ui = renderApp()
    await ui.init({ command: 'variations' })
    await ui.select()
    await ui.receive({ type: 'selected-record', nodeId: '5:5', record: record({ prompt: `Brass and fog ${TEST_KEY}` }) })
    expect(generateReason(ui.container)).toBe(KEY_IN_PROMPT)
    await click(button(ui.container, 'Use this prompt'))
    await ui.app.actions.generate()
    ui.app.actions.flush()
    await ui.settle()
    expect(ui.ofType('run-start')).toEqual([])
    expect(posted()).not.toContain(TEST_KEY)
  })

  it('in a History entry (never written so, but read defensively): shown hidden, and reused hidden', async () => {
    ui = renderApp()
    await ui.init()
    await ui.select()
    await ui.receive({ type: 'history', entries: [entry('old', { prompt: `Dunes ${TEST_KEY} at dawn` })], spend: { total: 0, images: 0 } })
    await click(button(ui.container, 'History'))
    const item = ui.container.querySelector<HTMLElement>('.history-item')!
    expect(item.querySelector('.record-prompt')!.textContent).toBe('Dunes [api key] at dawn')
    expect(item.innerHTML).not.toContain(TEST_KEY)
    await click([...item.querySelectorAll('button')].find((b) => b.textContent === 'Reuse')!)
    ui.app.actions.flush()
    await ui.settle()
    expect(ui.app.state.prompt.value).toBe('Dunes [api key] at dawn')
    expect(posted()).not.toContain(TEST_KEY)
  })

  it('from Quick Actions: closes with the reason, without repeating the prompt', async () => {
    ui = renderApp()
    await ui.init({ command: 'generate', settings: { lastPrompt: `${long}${TEST_KEY}` } })
    await ui.select()
    await vi.waitFor(() => expect(ui.ofType('close-plugin')).toHaveLength(1))
    const toast = ui.ofType('close-plugin')[0]!.message
    expect(toast).toBe(blockedText(KEY_IN_PROMPT))
    expect(toast).toContain('Your prompt contains your API key')
    expect(toast).not.toContain('lighthouse')
    expect(ui.ofType('run-start')).toEqual([])
    expect(posted()).not.toContain(TEST_KEY)
  })
})

describe('error text', () => {
  it('hides the key wherever an error echoes it, also stored with spaces or split by a line break', () => {
    const key = 'rw-secret-key-1234'
    const error = { name: 'TypeError', message: `fetch https://x/?k=${key} failed` }
    expect(JSON.stringify(describeError(error, ` ${key}\n`))).not.toContain(key)
    const split = describeError(`Runware said: ${key.slice(0, 5)}\n${key.slice(5)}`, key)
    expect(split.message).not.toContain(key.slice(5))
    const coded = describeError({ message: 'Refused', code: `bad_${key}`, detail: `key=${key}` }, key)
    expect(JSON.stringify(coded)).not.toContain(key)
    expect(coded.detail).toContain('[api key]')
  })
})
