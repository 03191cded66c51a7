import { render } from 'preact'
import { act } from 'preact/test-utils'

import type { PluginToUi, UiToPlugin } from '../../src/common/protocol'
import type { KeyChecker } from '../../ui/runware'
import type { Settings } from '../../ui/state/settings'
import { adoptFirstPaint } from '../../ui/adopt-first-paint'
import { App } from '../../ui/app'
import { createApp } from '../../ui/create-app'
import { showFirstPaint } from '../../ui/first-paint'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { fakeCodec, fakePng, referenceMeta, settings as makeSettings } from './fixtures'
import { scriptedRunware } from './scripted-runware'

// The whole UI in happy-dom, wired exactly as boot.ts wires it, with a scripted sandbox on
// the other side of the bridge and a scripted Runware behind the controller.

export const TEST_KEY = 'rw-live-0123456789abcdef'

export interface RenderOptions {
  /** How the sandbox answers a request; default: success. */
  reply?: (message: UiToPlugin) => PluginToUi | null
  /**
   * Start as the iframe does: the plain first-paint form first, then this (e.g. typing into
   * it), then the app adopts it. Without it the app renders into an empty container.
   */
  beforeAdopt?: (container: HTMLElement) => void
  /** What Runware says of a key being saved; default: it connects. */
  checkKey?: KeyChecker
  /** Node ids `export-references` reports as gone. */
  goneNodes?: string[]
}

export function renderApp(options: RenderOptions = {}) {
  const sent: UiToPlugin[] = []
  const created: string[] = []
  const revoked: string[] = []
  const runware = scriptedRunware()
  let exportPasses = 0
  let ids = 0
  const app = createApp({
    port: {
      post(message) {
        sent.push(message)
        queueMicrotask(() => {
          const custom = options.reply?.(message)
          if (custom) return void app.bridge.receive(custom)
          if (message.type === 'run-start') {
            app.bridge.receive({ type: 'run-started', requestId: message.requestId, slotNodeIds: [] })
          } else if (message.type === 'task-sent') {
            app.bridge.receive({ type: 'task-saved', requestId: message.requestId })
          } else if (message.type === 'place-result') {
            app.bridge.receive({ type: 'result-placed', requestId: message.requestId, nodeId: `node:${message.index}` })
          } else if (message.type === 'select-nodes') {
            app.bridge.receive({ type: 'nodes-selected', requestId: message.requestId, found: message.nodeIds.length })
          } else if (message.type === 'export-references') {
            // every node exists unless the test says it is gone; its pass comes after any selection's, its answer after its images
            const selectionId = 1000 + ++exportPasses
            const found = message.nodeIds.filter((id) => !options.goneNodes?.includes(id))
            const references = found.map((id) => referenceMeta(id, 1024, 1024, `Node ${id}`, 'image'))
            const missing = message.nodeIds.filter((id) => !found.includes(id))
            for (const nodeId of found) {
              const image = message.preview ? fakePng(128, 128) : fakePng(1024, 1024)
              app.bridge.receive({ type: 'reference-image', selectionId, nodeId, image, ...(message.preview ? { preview: true } : {}) })
            }
            app.bridge.receive({ type: 'references-exported', requestId: message.requestId, selectionId, references, missing })
          }
        })
      },
    },
    generatorFor: () => runware.generator,
    checkKey: options.checkKey ?? (async () => ({ kind: 'connected' })),
    pipeline: createImagePipeline(fakeCodec().codec),
    fetchBytes: async () => fakePng(10, 10),
    objectUrls: {
      create() {
        const url = `blob:test/${created.length + 1}`
        created.push(url)
        return url
      },
      revoke: (url) => revoked.push(url),
    },
    clock: { now: () => new Date('2025-01-01T00:00:00Z') },
    newId: () => `id-${++ids}`,
  })
  const container = document.createElement('div')
  document.body.append(container)
  if (options.beforeAdopt) {
    showFirstPaint(container)
    options.beforeAdopt(container)
    act(() => adoptFirstPaint(container, app))
  } else {
    act(() => render(<App app={app} />, container))
  }

  async function settle() {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0))
    })
  }

  async function receive(message: unknown) {
    await act(() => {
      app.bridge.receive(message)
    })
  }

  async function init(overrides: { settings?: Partial<Settings>; apiKey?: string | null; command?: string } = {}) {
    await receive({
      type: 'init',
      settings: makeSettings({ consentGiven: true, ...overrides.settings }),
      apiKey: overrides.apiKey === undefined ? TEST_KEY : overrides.apiKey,
      editorType: 'figma',
      command: overrides.command ?? 'open',
    })
  }

  /** A ready selection: metadata, then the pixels of each reference. */
  async function select(sizes: [number, number][] = [[800, 600]], selectionId = 1) {
    const references = sizes.map(([w, h], i) => referenceMeta(`1:${i + 1}`, w, h))
    await receive({ type: 'selection', selectionId, state: 'ok', references, usableCount: references.length, own: false })
    for (const ref of references) {
      await receive({ type: 'reference-image', selectionId, nodeId: ref.nodeId, image: fakePng(ref.pixelWidth, ref.pixelHeight) })
    }
    return references
  }

  function cleanup() {
    act(() => render(null, container))
    container.remove()
    app.dispose()
  }

  const ofType = <T extends UiToPlugin['type']>(type: T) =>
    sent.filter((m): m is Extract<UiToPlugin, { type: T }> => m.type === type)

  return { app, container, sent, ofType, created, revoked, runware, settle, receive, init, select, cleanup }
}

export type Rendered = ReturnType<typeof renderApp>

// ── queries by accessible name ─────────────────────────────────────────────────────────

function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim()
}

/** The form control whose label (or aria-label) is exactly `name`. */
export function field<T extends HTMLElement = HTMLInputElement>(root: ParentNode, name: string): T {
  for (const label of root.querySelectorAll('label')) {
    if (text(label) === name && label.htmlFor) {
      const control = root.querySelector(`#${label.htmlFor}`)
      if (control) return control as T
    }
  }
  const labelled = root.querySelector(`[aria-label="${name}"]`)
  if (labelled) return labelled as T
  throw new Error(`No control named "${name}"`)
}

export function button(root: ParentNode, name: string): HTMLButtonElement {
  const found = queryButton(root, name)
  if (!found) throw new Error(`No button named "${name}"`)
  return found
}

export function queryButton(root: ParentNode, name: string): HTMLButtonElement | null {
  for (const candidate of root.querySelectorAll('button')) {
    if (candidate.getAttribute('aria-label') === name || (!candidate.hasAttribute('aria-label') && text(candidate) === name)) {
      return candidate
    }
  }
  return null
}

export async function click(element: HTMLElement) {
  await act(() => {
    element.click()
  })
}

export async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    element.value = value
    element.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

/** Typing then leaving the field (or pressing Enter): what fires `change`. */
export async function commit(element: HTMLInputElement | HTMLSelectElement, value: string) {
  await act(() => {
    element.value = value
    element.dispatchEvent(new Event('input', { bubbles: true }))
  })
  await act(() => {
    element.dispatchEvent(new Event('change', { bubbles: true }))
  })
}

export async function keyDown(element: HTMLElement, init: KeyboardEventInit) {
  await act(() => {
    element.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
  })
}

export function statusLine(root: ParentNode): string {
  const region = root.querySelector('[aria-live="polite"]')
  return region ? text(region) : ''
}

export function generateReason(root: ParentNode): string | null {
  const generate = button(root, 'Generate')
  const id = generate.getAttribute('aria-describedby')
  const reason = id ? root.querySelector(`#${id}`) : null
  return reason ? text(reason) : null
}

export { text }
