// @vitest-environment happy-dom
import { act } from 'preact/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { fakePng, record, referenceMeta } from './fixtures'
import { button, click, field, generateReason, keyDown, renderApp, text, type Rendered } from './render-app'

// Tags as the designer meets them: a chip on each reference, renamed in place; `@` in the
// prompt offers the tags; the prompt's tags are listed with what they name; an unknown one
// is flagged and Generate refuses it.

let ui: Rendered
afterEach(() => ui.cleanup())

async function start(names = ['Sunset dunes', 'Tidal blue'], prompt = '') {
  ui = renderApp()
  await ui.init({ settings: { lastPrompt: prompt } })
  const references = names.map((name, i) => referenceMeta(`1:${i + 1}`, 800, 600, name))
  await ui.receive({ type: 'selection', selectionId: 1, state: 'ok', references, usableCount: references.length, own: false })
  for (const ref of references) await ui.receive({ type: 'reference-image', selectionId: 1, nodeId: ref.nodeId, image: fakePng(800, 600) })
}

const prompt = () => field<HTMLTextAreaElement>(ui.container, 'Prompt')
const chips = () => [...ui.container.querySelectorAll<HTMLInputElement>('.tag-chip input')].map((input) => `@${input.value}`)
const listbox = () => ui.container.querySelector('[role="listbox"]')
const options = () =>
  [...ui.container.querySelectorAll('[role="option"]')].map((o) => [text(o), o.getAttribute('aria-selected')])

async function typeTag(input: HTMLInputElement, value: string) {
  await act(() => {
    input.value = value
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

/** Types `value` with the caret at its end, as a keystroke leaves it. */
async function typeIn(value: string) {
  await act(() => {
    const area = prompt()
    area.value = value
    area.setSelectionRange(value.length, value.length)
    area.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('tag chips', () => {
  it('show each reference’s tag from its layer name, made unique', async () => {
    await start(['Sunset dunes', 'Moss & fern', 'Sunset dunes'])
    expect(chips()).toEqual(['@sunsetdunes', '@mossfern', '@sunsetdunes2'])
  })

  it('rename in place, checked as the designer types, and keep only a valid tag', async () => {
    await start()
    const input = field(ui.container, 'Tag for Sunset dunes')
    await typeTag(input, 'Dunes')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(text(ui.container.querySelector('[role="alert"]')!)).toBe('A tag is 3 to 15 lowercase letters a–z or digits, starting with a letter')
    await typeTag(input, 'tidalblue')
    expect(text(ui.container.querySelector('[role="alert"]')!)).toBe('Another reference is already @tidalblue')
    // Enter on an invalid tag puts the old one back
    await keyDown(input, { key: 'Enter' })
    expect(chips()).toEqual(['@sunsetdunes', '@tidalblue'])
    expect(ui.container.querySelector('[role="alert"]')).toBeNull()

    await typeTag(input, 'dunes')
    expect(ui.container.querySelector('[role="alert"]')).toBeNull()
    await keyDown(input, { key: 'Enter' })
    expect(chips()).toEqual(['@dunes', '@tidalblue'])
    // the prompt now offers the new tag
    await typeIn('@')
    expect(options().map(([label]) => label)).toEqual(['@dunes Sunset dunes', '@tidalblue Tidal blue'])
  })

  it('Escape puts the old tag back', async () => {
    await start()
    const input = field(ui.container, 'Tag for Tidal blue')
    await typeTag(input, 'waves')
    await keyDown(input, { key: 'Escape' })
    expect(chips()).toEqual(['@sunsetdunes', '@tidalblue'])
  })
})

describe('@ in the prompt', () => {
  it('offers the tags; arrows move, Enter inserts with a space and closes', async () => {
    await start()
    await typeIn('Waves over @')
    expect(listbox()).not.toBeNull()
    expect(options()).toEqual([
      ['@sunsetdunes Sunset dunes', 'true'],
      ['@tidalblue Tidal blue', 'false'],
    ])
    expect(prompt().getAttribute('aria-activedescendant')).toBe('prompt-tag-option-0')
    expect(prompt().getAttribute('aria-controls')).toBe(listbox()!.id)
    await keyDown(prompt(), { key: 'ArrowDown' })
    expect(options().map(([, selected]) => selected)).toEqual(['false', 'true'])
    expect(prompt().getAttribute('aria-activedescendant')).toBe('prompt-tag-option-1')
    await keyDown(prompt(), { key: 'ArrowDown' })
    expect(options().map(([, selected]) => selected)).toEqual(['true', 'false'])
    await keyDown(prompt(), { key: 'ArrowUp' })
    await keyDown(prompt(), { key: 'Enter' })
    expect(prompt().value).toBe('Waves over @tidalblue ')
    expect(prompt().selectionStart).toBe('Waves over @tidalblue '.length)
    expect(listbox()).toBeNull()
    expect(prompt().hasAttribute('aria-activedescendant')).toBe(false)
  })

  it('narrows to what is typed after the @, and Tab inserts', async () => {
    await start()
    await typeIn('@su')
    expect(options().map(([label]) => label)).toEqual(['@sunsetdunes Sunset dunes'])
    await keyDown(prompt(), { key: 'Tab' })
    expect(prompt().value).toBe('@sunsetdunes ')
  })

  it('Escape closes the list and leaves the text as typed', async () => {
    await start()
    await typeIn('@ti')
    await keyDown(prompt(), { key: 'Escape' })
    expect(listbox()).toBeNull()
    expect(prompt().value).toBe('@ti')
  })

  it('does not open for an e-mail address or with nothing to offer', async () => {
    await start()
    await typeIn('ana@st')
    expect(listbox()).toBeNull()
    await typeIn('@zz')
    expect(listbox()).toBeNull()
    await typeIn('@tidalblue')
    expect(listbox()).toBeNull()
  })

  it('lists the tags the prompt uses with the reference each names', async () => {
    await start()
    await typeIn('@tidalblue waves on @sunsetdunes, again @tidalblue ')
    const used = ui.container.querySelector('[aria-label="Tags in the prompt"]')!
    expect([...used.querySelectorAll('li')].map(text)).toEqual(['@tidalblue Tidal blue', '@sunsetdunes Sunset dunes'])
  })

  it('flags an @word that names no reference and refuses Generate with the same words', async () => {
    await start()
    await typeIn('@sunset over the sea ')
    const message = '@sunset is not a reference tag. Did you mean @sunsetdunes?'
    expect(text(ui.container.querySelector('#prompt-tag-error')!)).toBe(message)
    expect(prompt().getAttribute('aria-invalid')).toBe('true')
    expect(generateReason(ui.container)).toBe(message)
    expect(button(ui.container, 'Generate').disabled).toBe(true)
    await typeIn('@sunsetdunes over the sea ')
    expect(ui.container.querySelector('#prompt-tag-error')).toBeNull()
    expect(generateReason(ui.container)).toBeNull()
  })

  it('sends the tags with the references when the prompt uses one, and none when it does not', async () => {
    await start(['Sunset dunes', 'Tidal blue'])
    await typeIn('@sunsetdunes meets @tidalblue ')
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.requests).toHaveLength(1))
    expect(ui.runware.requests[0]!.referenceTags).toEqual(['sunsetdunes', 'tidalblue'])
    ui.runware.fail(new Error('stop here'))
    await vi.waitFor(() => expect(ui.ofType('run-end')).toHaveLength(1))
    await ui.settle()
    await typeIn('dunes meet the tide')
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.runware.requests).toHaveLength(2))
    expect(ui.runware.requests[1]!.referenceTags).toBeUndefined()
  })
})

describe('tags restored from a record', () => {
  it('Variations gives the references shown the record’s tags by position', async () => {
    await start(['Generated image'])
    ui.app.actions.useRecord(record({ prompt: '@sunsetdunes at night', referenceNodeIds: ['9:9'], referenceTags: ['sunsetdunes'] }))
    await ui.settle()
    expect(chips()).toEqual(['@sunsetdunes'])
    expect(generateReason(ui.container)).toBeNull()
  })
})
