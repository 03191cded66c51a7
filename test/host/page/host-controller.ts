// Runs the plugin on the page's one document: starts it, reloads it (same document, same
// clientStorage), and turns what the plugin does through the fake into what a person sees:
// notify toasts, errors, the view following scrollAndZoomIntoView and figma.viewport.center/zoom.
import type { FigmaFake } from '../../figma-fake/index'
import type { CanvasView } from './canvas-view'
import { asHostOf, reopen } from './fake-access'
import type { HostConfig } from './host-config'
import { startPluginSession, type EndReason, type PluginSession } from './plugin-session'
import { showToast } from './toasts'

export interface HostElements {
  window: HTMLElement
  slot: HTMLElement
  title: HTMLElement
  toasts: HTMLElement
  status: HTMLElement
  error: HTMLElement
}

export const typeOf = (message: unknown): string =>
  typeof message === 'object' && message !== null && 'type' in message ? String((message as { type: unknown }).type) : typeof message

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error))

/** A launch other than the page's own: a relaunch button or a Quick Actions command. */
export interface Launch {
  command: string
  parameters?: ParameterValues
}

export class HostController {
  session: PluginSession | null = null
  runs = 0
  readonly violations: string[] = []
  readonly errors: string[] = []
  /** Types of the messages the UI sent the plugin, in order. */
  readonly fromUi: string[] = []
  /** The type of each message the plugin posted to its UI (the fake keeps no copies here). */
  readonly toUi: string[] = []
  private shownNotifications = 0
  private seenFakeErrors = 0
  private seenScrolls = 0
  private seenMoves = 0

  constructor(
    readonly fake: FigmaFake,
    private readonly config: HostConfig,
    private readonly view: CanvasView,
    private readonly elements: HostElements,
  ) {
    window.setInterval(() => this.watch(), 100)
    window.addEventListener('unhandledrejection', (event) => this.recordError(event.reason))
    window.addEventListener('error', (event) => this.recordError(event.error ?? event.message))
  }

  async start(launch?: Launch): Promise<void> {
    const [code, html] = await Promise.all([this.load(this.config.codeUrl), this.load(this.config.uiUrl)])
    this.runs++
    this.setStatus('running')
    this.session = startPluginSession({
      fake: this.fake,
      code,
      html,
      command: launch?.command ?? this.config.command,
      parameters: launch?.parameters,
      theme: this.config.theme,
      window: this.elements.window,
      slot: this.elements.slot,
      title: this.elements.title,
      onViolation: (reason) => {
        this.violations.push(reason)
        console.error(`Figma would refuse this message: ${reason}`)
        showToast(this.elements.toasts, `Host: message refused: ${reason}`, { error: true, timeout: 6000 })
      },
      onUiMessage: (message) => this.fromUi.push(typeOf(message)),
      onPluginMessage: (message) => this.toUi.push(typeOf(message)),
      onError: (error) => this.recordError(error),
      onEnded: (reason) => this.ended(reason),
    })
  }

  /** Closes the plugin and runs it again on the same document and clientStorage. */
  async reload(launch?: Launch): Promise<void> {
    this.session?.endForReload()
    // Deliveries already queued for the closed run are dropped while it is closed; a bounded
    // wait lets them drain, as a plugin awaiting something forever must not block a reload.
    await Promise.race([this.fake.flush(), new Promise((resolve) => window.setTimeout(resolve, 1000))])
    reopen(this.fake, launch?.command)
    await this.start(launch)
  }

  closeByUser(): void {
    this.session?.closeByUser()
  }

  private ended(reason: EndReason): void {
    if (reason === 'reload') return
    this.setStatus('closed: press Reload plugin to run it again')
    const message = this.fake.closeMessage
    if (message) showToast(this.elements.toasts, message)
  }

  private async load(url: string): Promise<string> {
    const response = await fetch(url, { cache: 'no-store' })
    const text = await response.text()
    if (!response.ok) throw new Error(`${url}: ${text}`)
    return text
  }

  private setStatus(text: string): void {
    this.elements.status.textContent = `plugin run ${this.runs}: ${text}`
  }

  recordError(error: unknown): void {
    const text = describe(error)
    this.errors.push(text)
    console.error('plugin error:', error)
    this.elements.error.hidden = false
    this.elements.error.textContent = `Plugin error: ${text}`
  }

  private watch(): void {
    const notes = this.fake.notifications
    for (; this.shownNotifications < notes.length; this.shownNotifications++) {
      const note = notes[this.shownNotifications]!
      showToast(this.elements.toasts, note.message, { error: note.options?.error, timeout: note.options?.timeout })
    }
    const errors = this.fake.errors
    for (; this.seenFakeErrors < errors.length; this.seenFakeErrors++) this.recordError(errors[this.seenFakeErrors])
    const scrolls = this.fake.scrolledIntoView
    if (scrolls.length > this.seenScrolls) {
      this.seenScrolls = scrolls.length
      this.view.reveal(scrolls[scrolls.length - 1]!.map((node) => node.id))
    }
    if (this.fake.viewportMoves !== this.seenMoves) {
      this.seenMoves = this.fake.viewportMoves
      const { center, zoom } = asHostOf(this.fake, () => ({ center: this.fake.figma.viewport.center, zoom: this.fake.figma.viewport.zoom }))
      this.view.lookAt(center, zoom)
    }
  }
}
