// A small listener list with Figma's on/once/off semantics: `off` removes a registration of
// that exact callback, `once` listeners are dropped before they run.

type Listener<Args extends unknown[]> = { callback: (...args: Args) => unknown; once: boolean }

export class Emitter<Args extends unknown[]> {
  private listeners: Array<Listener<Args>> = []

  on(callback: (...args: Args) => unknown): void {
    this.add(callback, false)
  }

  once(callback: (...args: Args) => unknown): void {
    this.add(callback, true)
  }

  off(callback: (...args: Args) => unknown): void {
    const index = this.listeners.findIndex((listener) => listener.callback === callback)
    if (index >= 0) this.listeners.splice(index, 1)
  }

  get size(): number {
    return this.listeners.length
  }

  clear(): void {
    this.listeners = []
  }

  // Returns the callbacks to run for one emission (once-listeners are removed now), so the
  // caller decides how to run them (synchronously, or through the scheduler).
  take(): Array<(...args: Args) => unknown> {
    const current = this.listeners
    this.listeners = current.filter((listener) => !listener.once)
    return current.map((listener) => listener.callback)
  }

  private add(callback: (...args: Args) => unknown, once: boolean): void {
    if (typeof callback !== 'function') throw new TypeError('Expected a callback function')
    this.listeners.push({ callback, once })
  }
}
