// figma.on / once / off. selectionchange callbacks are asynchronous
// and coalesced (several changes in one turn fire once). 'run' fires on every launch
// with { command, parameters }. 'close' runs synchronously as the plugin closes.
// currentpagechange follows setCurrentPageAsync. Other event types are not implemented.
import { Emitter } from './events'
import { notImplemented } from './errors'
import type { FakeContext } from './context'

const SUPPORTED = ['selectionchange', 'currentpagechange', 'close', 'run'] as const
const KNOWN_UNSUPPORTED = [
  'drop', 'documentchange', 'slidesviewchange', 'canvasviewchange', 'textreview', 'stylechange',
  'timerstart', 'timerstop', 'timerpause', 'timerresume', 'timeradjust', 'timerdone',
]

type Supported = (typeof SUPPORTED)[number]

export class PluginEvents {
  private readonly emitters = new Map<Supported, Emitter<unknown[]>>(SUPPORTED.map((type) => [type, new Emitter<unknown[]>()]))
  private selectionPending = false

  constructor(private readonly ctx: FakeContext) {}

  emitter(type: string): Emitter<unknown[]> {
    const emitter = this.emitters.get(type as Supported)
    if (emitter) return emitter
    if (KNOWN_UNSUPPORTED.includes(type)) notImplemented(`figma.on('${type}')`)
    throw new Error(`figma.on: unknown event type "${type}"`)
  }

  // A new run of the plugin starts without the previous run's listeners.
  clear(): void {
    for (const emitter of this.emitters.values()) emitter.clear()
  }

  selectionChanged(): void {
    if (this.selectionPending) return
    this.selectionPending = true
    this.ctx.scheduler.post(() => {
      this.selectionPending = false
      this.emitLater('selectionchange')
    })
  }

  pageChanged(): void {
    this.ctx.scheduler.post(() => this.emitLater('currentpagechange'))
  }

  // Runs 'run' or 'close' handlers now, as Figma does at launch and at closing.
  emitNow(type: 'run' | 'close', ...args: unknown[]): void {
    for (const handler of this.emitter(type).take()) this.ctx.scheduler.run(() => handler(...args))
  }

  private emitLater(type: Supported): void {
    if (this.ctx.closed) return
    for (const handler of this.emitter(type).take()) this.ctx.scheduler.run(() => handler())
  }
}
