// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'

import { FIRST_PAINT_HTML } from '../../ui/first-paint'
import { button, field, generateReason, keyDown, renderApp, type, type Rendered } from './render-app'

// The iframe draws the form as plain markup before the app is even evaluated, then the app
// adopts those nodes. The markup must be what the app itself draws before `init`, and the
// hand-over must keep whatever the designer already did with it.

let ui: Rendered
afterEach(() => ui.cleanup())

describe('the form drawn before the app runs', () => {
  it('is exactly what the app renders before init', () => {
    ui = renderApp()
    // If this fails, a component's first render changed: copy the app's markup into
    // ui/first-paint.ts (it is the `received` value here).
    expect(FIRST_PAINT_HTML).toBe(ui.container.innerHTML)
  })

  it('is adopted node for node: the field keeps its focus and what was typed into it', async () => {
    let drawn: HTMLTextAreaElement | null = null
    ui = renderApp({
      beforeAdopt(container) {
        drawn = container.querySelector('textarea')
        drawn!.focus()
        drawn!.value = 'Typed before the app ran'
      },
    })
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    expect(prompt).toBe(drawn)
    expect(ui.container.querySelectorAll('textarea')).toHaveLength(1)
    expect(document.activeElement).toBe(prompt)
    expect(prompt.value).toBe('Typed before the app ran')
    expect(ui.app.state.prompt.value).toBe('Typed before the app ran')
    // the stored prompt does not replace it when init arrives
    await ui.init({ settings: { lastPrompt: 'Stored prompt' } })
    expect(prompt.value).toBe('Typed before the app ran')
  })

  it('becomes the working app once adopted: typing, init and Generate all reach it', async () => {
    ui = renderApp({ beforeAdopt: () => {} })
    expect(generateReason(ui.container)).toBe('Loading your settings…')
    ui.app.start()
    await ui.init({ settings: { lastPrompt: '' } })
    const prompt = field<HTMLTextAreaElement>(ui.container, 'Prompt')
    await type(prompt, 'Oxblood leather, brass')
    expect(ui.app.state.prompt.value).toBe('Oxblood leather, brass')
    expect(ui.container.querySelector('#prompt-counter')?.textContent).toBe('22 / 1000')
    await ui.select()
    expect(button(ui.container, 'Generate').disabled).toBe(false)
    await keyDown(prompt, { key: 'Enter', ctrlKey: true })
    await ui.settle()
    expect(ui.ofType('run-start')).toHaveLength(1)
  })
})
