// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'

import { RunwareError } from '../../ui/runware/errors'
import { button, click, queryButton, renderApp, statusLine, TEST_KEY, type Rendered } from './render-app'

let ui: Rendered
afterEach(() => ui.cleanup())

function slots(root: ParentNode): string[] {
  return [...root.querySelectorAll('.slot')].map((slot) => slot.getAttribute('aria-label') ?? '')
}

async function startRun(count = 3) {
  ui = renderApp()
  await ui.init({ settings: { lastPrompt: 'Wet asphalt, neon', numberResults: count } })
  await ui.select()
  await click(button(ui.container, 'Generate'))
  await vi.waitFor(() => expect(ui.runware.started).toBe(true))
  await ui.settle()
}

describe('a run in the UI', () => {
  it('shows one slot per result, fills them as results land, and reports in a live region', async () => {
    await startRun(3)
    expect(slots(ui.container)).toEqual(['Result 1: waiting', 'Result 2: waiting', 'Result 3: waiting'])
    expect(statusLine(ui.container)).toBe('Generating 1 of 3…')
    expect(queryButton(ui.container, 'Generate')).toBeNull()

    ui.runware.emit()
    await vi.waitFor(() => expect(ui.ofType('place-result')).toHaveLength(1))
    await ui.settle()
    expect(slots(ui.container)[0]).toBe('Result 1: placed')
    expect(statusLine(ui.container)).toBe('Generating 2 of 3…')

    ui.runware.status({ kind: 'retrying', inMs: 4000, attempt: 1, reason: 'busy' })
    await ui.settle()
    expect(statusLine(ui.container)).toBe('Runware is busy, retrying in 4 s')

    ui.runware.emit()
    ui.runware.emit({ imageDataURI: 'data:image/png;base64,AAAA' })
    ui.runware.finish()
    await vi.waitFor(() => expect(ui.ofType('run-end')).toHaveLength(1))
    await ui.settle()
    expect(slots(ui.container)[2]).toBe('Result 3: failed (Runware sent an image the plugin could not read)')
    expect(statusLine(ui.container)).toBe('Done: 2 of 3 placed, 1 failed: Runware sent an image the plugin could not read')
    expect(button(ui.container, 'Generate').disabled).toBe(false)
  })

  it('cancels from the Cancel button, keeps what arrived and mentions billing', async () => {
    await startRun(4)
    ui.runware.emit()
    await vi.waitFor(() => expect(ui.ofType('place-result')).toHaveLength(1))
    await click(button(ui.container, 'Cancel'))
    await vi.waitFor(() => expect(ui.ofType('run-end')).toEqual([expect.objectContaining({ outcome: 'cancelled' })]))
    await ui.settle()
    expect(slots(ui.container)).toEqual(['Result 1: placed', 'Result 2: cancelled', 'Result 3: cancelled', 'Result 4: cancelled'])
    expect(statusLine(ui.container)).toBe('Cancelled: 1 of 4 placed. Runware may still bill for work it had already started.')
  })

  it('shows a failure in plain words with the raw code behind Details, never the key', async () => {
    await startRun(2)
    ui.runware.fail(
      new RunwareError({
        kind: 'credits',
        code: 'insufficientCredits',
        message: 'Your Runware balance is too low. Top up at my.runware.ai, then try again.',
        detail: `HTTP 402 for key ${TEST_KEY}`,
      }),
    )
    await vi.waitFor(() => expect(ui.ofType('run-end')).toHaveLength(1))
    await ui.settle()
    const banner = ui.container.querySelector('[role="alert"]')!
    expect(banner.querySelector('p')!.textContent).toBe('Your Runware balance is too low. Top up at my.runware.ai, then try again.')
    const details = banner.querySelector('details')!
    expect(details.open).toBe(false)
    expect(details.querySelector('summary')!.textContent).toBe('Details')
    expect(details.querySelector('pre')!.textContent).toBe('insufficientCredits: HTTP 402 for key [api key]')
    expect(ui.container.innerHTML).not.toContain(TEST_KEY)

    await click(button(ui.container, 'Dismiss'))
    expect(ui.container.querySelector('[role="alert"]')).toBeNull()
  })

  it('shows why a run could not start when the sandbox refuses it', async () => {
    ui = renderApp({
      reply: (m) => (m.type === 'run-start' ? { type: 'request-failed', requestId: m.requestId, message: 'This page is read-only' } : null),
    })
    await ui.init({ settings: { lastPrompt: 'Ochre' } })
    await ui.select()
    await click(button(ui.container, 'Generate'))
    await vi.waitFor(() => expect(ui.ofType('run-end')).toHaveLength(1))
    await ui.settle()
    expect(ui.container.querySelector('[role="alert"]')!.textContent).toContain('This page is read-only')
    expect(ui.runware.started).toBe(false)
  })
})
