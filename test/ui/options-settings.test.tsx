// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'

import { SettingsSchema } from '../../ui/state/settings'
import { button, click, commit, field, renderApp, type Rendered } from './render-app'

// The delivery options as the designer meets them in Settings' Connection & delivery: the ttl field
// belongs to URL output only, a bad value is explained beside its own field and never
// saved, and a good one reaches the sandbox as save-settings.

let ui: Rendered
afterEach(() => ui.cleanup())

const TTL = 'URL time to live, seconds (60 or more)'
const WEBHOOK = 'Webhook URL (optional)'

async function openAdvanced() {
  ui = renderApp()
  await ui.init()
  await click(button(ui.container, 'Settings'))
  const details = [...ui.container.querySelectorAll('details')].find((d) => d.querySelector('summary')?.textContent === 'Connection & delivery')
  if (!details) throw new Error('no Connection & delivery section')
  details.open = true
  return details
}

function queryField(root: ParentNode, name: string): HTMLInputElement | null {
  try {
    return field<HTMLInputElement>(root, name)
  } catch {
    return null
  }
}

/** The message tied to `input` by aria-describedby: the field's own, not a banner. */
function ownMessage(root: ParentNode, input: HTMLElement): string | null {
  const id = input.getAttribute('aria-describedby')
  return id ? (root.querySelector(`#${id}`)?.textContent ?? null) : null
}

// what the UI sent, read as the UI reads it back at the next start
const saves = () => ui.ofType('save-settings').map((message) => ({ settings: SettingsSchema.parse(message.settings) }))

describe('Advanced generation options', () => {
  it('offers a time to live only for URL output', async () => {
    const section = await openAdvanced()
    expect(queryField(section, TTL)).toBeNull()

    await commit(field<HTMLSelectElement>(section, 'Delivered as'), 'URL')
    expect(queryField(section, TTL)).not.toBeNull()
    expect(saves().at(-1)!.settings.options.outputType).toBe('URL')

    await commit(field<HTMLSelectElement>(section, 'Delivered as'), 'base64Data')
    expect(queryField(section, TTL)).toBeNull()
    expect(saves().at(-1)!.settings.options.outputType).toBe('base64Data')
  })

  it('ttl 59: the field says why and nothing is saved; 120 is saved', async () => {
    const section = await openAdvanced()
    await commit(field<HTMLSelectElement>(section, 'Delivered as'), 'URL')
    const before = saves().length

    await commit(field(section, TTL), '59')
    const ttl = field(section, TTL)
    expect(ttl.getAttribute('aria-invalid')).toBe('true')
    expect(ownMessage(section, ttl)).toBe('Keep the image URL for at least 60 seconds')
    expect(saves()).toHaveLength(before)

    await commit(field(section, TTL), '120')
    expect(field(section, TTL).getAttribute('aria-invalid')).toBeNull()
    expect(ownMessage(section, field(section, TTL))).toBeNull()
    expect(saves()).toHaveLength(before + 1)
    expect(saves().at(-1)!.settings.options).toMatchObject({ outputType: 'URL', ttl: 120 })
  })

  it('an http:// webhook: the field says why and nothing is saved; an https one is saved', async () => {
    const section = await openAdvanced()
    const before = saves().length

    await commit(field(section, WEBHOOK), 'http://hooks.example.com/runware')
    const webhook = field(section, WEBHOOK)
    expect(webhook.getAttribute('aria-invalid')).toBe('true')
    expect(ownMessage(section, webhook)).toBe('Use an https:// URL: Runware sends your images there')
    expect(saves()).toHaveLength(before)

    await commit(field(section, WEBHOOK), 'https://hooks.example.com/runware')
    expect(ownMessage(section, field(section, WEBHOOK))).toBeNull()
    expect(saves()).toHaveLength(before + 1)
    expect(saves().at(-1)!.settings.options.webhookURL).toBe('https://hooks.example.com/runware')
  })

  it('leaving URL output with a bad ttl drops it, so the rest saves', async () => {
    const section = await openAdvanced()
    await commit(field<HTMLSelectElement>(section, 'Delivered as'), 'URL')
    await commit(field(section, TTL), '59')
    const before = saves().length

    await commit(field<HTMLSelectElement>(section, 'Delivered as'), 'dataURI')
    expect(saves()).toHaveLength(before + 1)
    const saved = saves().at(-1)!.settings.options
    expect(saved.outputType).toBe('dataURI')
    expect(saved).not.toHaveProperty('ttl')
  })
})
