// One run of the plugin: evaluates dist/code.js with the fake as `figma` and the UI HTML as
// `__html__`, shows the UI the plugin asks for, relays messages both
// ways, and ends when the plugin or the person closes it, or the host reloads it.
import type { FigmaFake } from '../../figma-fake/index'
import { asHostOf } from './fake-access'
import { applyFigmaTheme, type FigmaTheme } from './figma-theme'
import { createSandboxTimers } from './sandbox-timers'
import { createSessionFigma } from './session-figma'
import { openUiFrame, type UiFrame } from './ui-frame'

export type EndReason = 'closed-by-plugin' | 'closed-by-user' | 'reload'

export interface PluginSessionOptions {
  fake: FigmaFake
  code: string
  html: string
  command: string
  /** Quick Actions parameters for the run event ("Generate from selection"). */
  parameters?: ParameterValues
  theme: FigmaTheme
  /** The floating plugin window, and the element inside it that holds the iframe. */
  window: HTMLElement
  slot: HTMLElement
  title: HTMLElement
  onViolation(reason: string): void
  /** Every message from the UI that was handed to the plugin. */
  onUiMessage(message: unknown): void
  /** Each message the plugin posts to its UI, as it is posted. */
  onPluginMessage(message: unknown): void
  onError(error: unknown): void
  onEnded(reason: EndReason): void
}

export interface PluginSession {
  readonly running: boolean
  /** The person dragged the window: draw it at its new place. */
  moved(): void
  /** The person closes the plugin (Figma then calls closePlugin itself). */
  closeByUser(): void
  /** Ends this run without closing the document's plugin state, for a reload. */
  endForReload(): void
}

// Browser globals the sandbox does not have: shadowed so plugin code
// that reaches for them fails here as it would in Figma.
const SHADOWED = ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'crypto', 'XMLHttpRequest', 'WebSocket', 'navigator']

export function startPluginSession(options: PluginSessionOptions): PluginSession {
  const { fake } = options
  const timers = createSandboxTimers()
  let frame: UiFrame | null = null
  let running = true
  const early: unknown[] = []

  const toPlugin = (message: unknown) => {
    try {
      fake.ui.postToPlugin(message)
      options.onUiMessage(message)
    } catch (error) {
      options.onViolation(`UI → plugin: ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  const applyUi = () => {
    const ui = fake.ui.options
    if (!fake.ui.shown || !ui) {
      frame?.close()
      frame = null
      options.window.hidden = true
      return
    }
    frame?.resize(ui.width, ui.height)
    // Drawn where figma.ui.getPosition says the window is, so what the plugin reads is what a person sees.
    const { windowSpace } = asHostOf(fake, () => fake.figma.ui.getPosition())
    options.window.style.left = `${windowSpace.x}px`
    options.window.style.top = `${windowSpace.y}px`
    options.window.hidden = !ui.visible
    options.title.textContent = ui.title ?? 'Gen-4 Moodboard'
  }

  const showUi = () => {
    frame?.close()
    const ui = fake.ui.options!
    const html = ui.themeColors ? applyFigmaTheme(fake.ui.html ?? '', options.theme) : (fake.ui.html ?? '')
    frame = openUiFrame(options.slot, html, { width: ui.width, height: ui.height, title: ui.title ?? 'Plugin UI' }, {
      onMessage: toPlugin,
      onViolation: options.onViolation,
    })
    applyUi()
    for (const message of early.splice(0)) frame.post(message)
  }

  // Attached at once: the UI frame itself holds messages back until the iframe has loaded.
  const unsubscribe = fake.ui.onMessageFromPlugin((message) => {
    if (!running) return
    options.onPluginMessage(message)
    if (frame) frame.post(message)
    else early.push(message)
  })

  const finish = (reason: EndReason) => {
    if (!running) return
    running = false
    timers.cancelAll()
    frame?.close()
    frame = null
    options.window.hidden = true
    unsubscribe()
    asHostOf(fake, () => session.end())
    options.onEnded(reason)
  }

  const session = createSessionFigma(fake.figma, {
    onShowUI: showUi,
    onUiChange: applyUi,
    onClosePlugin: () => finish('closed-by-plugin'),
  })

  try {
    const main = new Function('figma', '__html__', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', ...SHADOWED, `${options.code}\n//# sourceURL=plugin/code.js`)
    main(session.figma, options.html, timers.setTimeout, timers.clearTimeout, timers.setInterval, timers.clearInterval)
    // Figma fires 'run' on every launch, after the main code has run.
    if (running && !fake.closed) fake.runEvents.fire({ command: options.command, parameters: options.parameters })
  } catch (error) {
    options.onError(error)
  }

  return {
    moved: applyUi,
    get running() {
      return running
    },
    closeByUser() {
      if (!running) return
      if (!fake.closed) fake.closeByUser()
      finish('closed-by-user')
    },
    endForReload() {
      if (!running) return
      if (!fake.closed) fake.closeByUser()
      finish('reload')
    },
  }
}
