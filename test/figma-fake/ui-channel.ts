// The plugin window: figma.showUI / figma.ui on the plugin side, and the iframe's view of
// it for tests. Width defaults to 300 (min 70), height to 200 (min 0),
// visible to true, themeColors to false; calling showUI again closes the previous UI first.
// Messages are structured-cloned, only plain data, Date and Uint8Array cross (no
// ArrayBuffer, Blob or other typed arrays); plugin→UI messages are queued until the UI has
// loaded (here: until a UI-side listener is attached); delivery is asynchronous.
// Posting to or resizing a UI that is not open throws: Figma does not document that case and
// the fake prefers to make it visible.
// Where the window floats: showUI's `position` is in canvas coordinates and clamped into the
// viewport; without it the window opens where it last was, else centred on the viewport.
// reposition takes canvas coordinates too. getPosition answers the window's top-left corner in
// window space (the Figma window's pixels) and in canvas space (through the viewport), so the
// canvas point changes as the view pans and zooms while the window stays put on screen.
import { rejectUnknownKeys } from './errors'
import { Emitter } from './events'
import { cloneValue, MESSAGE_RULES } from './structured-clone'
import type { FakeContext } from './context'
import type { ViewportImpl } from './viewport'

export interface UiOptionsState {
  visible: boolean
  width: number
  height: number
  title: string | undefined
  position: { x: number; y: number } | undefined
  themeColors: boolean
}

const UI_OPTION_KEYS = ['visible', 'title', 'width', 'height', 'position', 'themeColors']
// The iframe has a null origin.
const UI_ORIGIN: OnMessageProperties = Object.freeze({ origin: 'null' })

export class UiChannel {
  shown = false
  html: string | undefined
  options: UiOptionsState | undefined
  readonly sent: unknown[] = []
  keepSent: 'all' | 'none' = 'all'
  onmessage: MessageEventHandler | undefined
  readonly pluginListeners = new Emitter<[unknown, OnMessageProperties]>()
  private queue: unknown[] = []
  private readonly uiListeners = new Set<(message: unknown) => void>()
  /** The window's top-left corner in window space, kept across showUI calls. */
  windowPosition: Vector | undefined

  constructor(private readonly ctx: FakeContext, private readonly viewport: ViewportImpl) {}

  /** Puts the window's corner at this canvas point, moved so the window stays on the canvas area. */
  placeAt(canvasPoint: Vector): void {
    const { width, height } = this.options!
    const screen = this.viewport._screen
    const at = this.viewport._toWindow(canvasPoint)
    const clamp = (value: number, min: number, size: number, room: number) => Math.max(min, Math.min(value, min + room - size))
    this.windowPosition = { x: clamp(at.x, screen.x, width, screen.width), y: clamp(at.y, screen.y, height, screen.height) }
  }

  position(): { windowSpace: Vector; canvasSpace: Vector } {
    const { width, height } = this.requireOpen('getPosition')
    const screen = this.viewport._screen
    const windowSpace = this.windowPosition ?? { x: screen.x + (screen.width - width) / 2, y: screen.y + (screen.height - height) / 2 }
    return { windowSpace: { ...windowSpace }, canvasSpace: this.viewport._toCanvas(windowSpace) }
  }

  show(html: unknown, options: ShowUIOptions = {}): void {
    if (typeof html !== 'string') throw new TypeError('in showUI: Expected html to be a string (e.g. __html__)')
    if (typeof options !== 'object' || options === null) throw new TypeError('in showUI: Expected options to be an object')
    rejectUnknownKeys('showUI', options, UI_OPTION_KEYS)
    this.close()
    this.shown = true
    this.html = html
    this.options = {
      visible: options.visible ?? true,
      width: clampSize('width', options.width ?? 300, 70),
      height: clampSize('height', options.height ?? 200, 0),
      title: options.title,
      position: options.position ? { ...options.position } : undefined,
      themeColors: options.themeColors ?? false,
    }
    if (options.position) this.placeAt(options.position)
  }

  // Closing drops what the closed iframe never received.
  close(): void {
    this.shown = false
    this.queue = []
  }

  requireOpen(call: string): UiOptionsState {
    if (!this.shown || !this.options) throw new Error(`in figma.ui.${call}: no UI is open (call figma.showUI first)`)
    return this.options
  }

  postFromPlugin(message: unknown): void {
    this.requireOpen('postMessage')
    const copy = cloneValue(message, MESSAGE_RULES)
    if (this.keepSent === 'all') this.sent.push(copy)
    if (this.uiListeners.size === 0) this.queue.push(copy)
    else this.ctx.scheduler.post(() => this.deliverToUi(copy))
  }

  // UI side: like parent.postMessage({ pluginMessage: message }, '*') from the iframe.
  postToPlugin(message: unknown): void {
    if (!this.shown) throw new Error('figma fake: the UI cannot post: no UI is open')
    const copy = cloneValue(message, { ...MESSAGE_RULES, operation: 'parent.postMessage (UI → plugin)' })
    this.ctx.scheduler.post(() => {
      // Closing disables the plugin's callbacks.
      if (this.ctx.closed) return
      const handlers = [...(this.onmessage ? [this.onmessage] : []), ...this.pluginListeners.take()]
      for (const handler of handlers) this.ctx.scheduler.run(() => handler(copy, UI_ORIGIN))
    })
  }

  onMessageFromPlugin(callback: (message: unknown) => void): () => void {
    this.uiListeners.add(callback)
    if (this.queue.length > 0) {
      const pending = this.queue
      this.queue = []
      this.ctx.scheduler.post(() => pending.forEach((message) => this.deliverToUi(message)))
    }
    return () => { this.uiListeners.delete(callback) }
  }

  private deliverToUi(message: unknown): void {
    for (const listener of [...this.uiListeners]) this.ctx.scheduler.run(() => listener(message))
  }
}

export function clampSize(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`in showUI: Expected ${name} to be a number`)
  return Math.max(min, Math.round(value))
}

// figma.ui as the plugin sees it.
export class PluginUi implements Pick<UIAPI, 'show' | 'hide' | 'resize' | 'reposition' | 'getPosition' | 'close' | 'postMessage' | 'onmessage' | 'on' | 'once' | 'off'> {
  constructor(readonly _ctx: FakeContext, readonly _channel: UiChannel) {}

  show(): void { this._channel.requireOpen('show').visible = true }
  hide(): void { this._channel.requireOpen('hide').visible = false }

  resize(width: number, height: number): void {
    const options = this._channel.requireOpen('resize')
    options.width = clampSize('width', width, 70)
    options.height = clampSize('height', height, 0)
  }

  reposition(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new TypeError('in reposition: Expected x and y to be numbers')
    this._channel.requireOpen('reposition').position = { x, y }
    this._channel.placeAt({ x, y })
  }

  getPosition(): { windowSpace: Vector; canvasSpace: Vector } {
    return this._channel.position()
  }

  close(): void { this._channel.close() }

  postMessage(pluginMessage: unknown, options?: UIPostMessageOptions): void {
    if (options !== undefined) rejectUnknownKeys('figma.ui.postMessage', options, ['origin'])
    this._channel.postFromPlugin(pluginMessage)
  }

  get onmessage(): MessageEventHandler | undefined { return this._channel.onmessage }
  set onmessage(handler: MessageEventHandler | undefined) {
    if (handler !== undefined && typeof handler !== 'function') throw new TypeError('figma.ui.onmessage must be a function')
    this._channel.onmessage = handler
  }

  on(type: 'message', callback: MessageEventHandler): void { this._listeners(type).on(callback) }
  once(type: 'message', callback: MessageEventHandler): void { this._listeners(type).once(callback) }
  off(type: 'message', callback: MessageEventHandler): void { this._listeners(type).off(callback) }

  _listeners(type: string): Emitter<[unknown, OnMessageProperties]> {
    if (type !== 'message') throw new Error(`figma.ui.on: unknown event type "${type}" (only 'message')`)
    return this._channel.pluginListeners
  }
}
