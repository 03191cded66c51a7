// Everything the emulator schedules (result delays, session expiry, outgoing webhook calls)
// is registered here so close() can stop it all and no test leaks a timer or a socket.

export class ClosedError extends Error {
  constructor() {
    super('emulator closed')
  }
}

export class Lifecycle {
  closed = false
  private timers = new Set<NodeJS.Timeout>()
  private waiters = new Set<() => void>()
  private controllers = new Set<AbortController>()

  /** Resolves after `ms`; rejects with ClosedError if the emulator closes first. */
  delay(ms: number): Promise<void> {
    if (this.closed) return Promise.reject(new ClosedError())
    if (ms <= 0) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const abort = () => reject(new ClosedError())
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        this.waiters.delete(abort)
        resolve()
      }, ms)
      this.timers.add(timer)
      this.waiters.add(abort)
    })
  }

  timer(fn: () => void, ms: number): NodeJS.Timeout {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, Math.max(0, ms))
    this.timers.add(timer)
    return timer
  }

  cancel(timer: NodeJS.Timeout | undefined): void {
    if (!timer) return
    clearTimeout(timer)
    this.timers.delete(timer)
  }

  /** An abort signal for outgoing work; aborted on close, released by the returned function. */
  signal(timeoutMs: number): { signal: AbortSignal; release: () => void } {
    const controller = new AbortController()
    this.controllers.add(controller)
    const timer = this.timer(() => controller.abort(), timeoutMs)
    if (this.closed) controller.abort()
    return {
      signal: controller.signal,
      release: () => {
        this.cancel(timer)
        this.controllers.delete(controller)
      },
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const abort of this.waiters) abort()
    this.waiters.clear()
    for (const controller of this.controllers) controller.abort()
    this.controllers.clear()
  }
}

export function ignoreClosed(error: unknown): void {
  if (error instanceof ClosedError) return
  throw error
}
