// Figma delivers selectionchange, UI messages and page changes from its own event loop, never
// inside the call that caused them. The fake posts them as
// macrotasks through the setTimeout captured when this module loaded, so suites that install
// fake timers still receive them, and flush() can wait for everything in flight.

const realSetTimeout: (cb: () => void, ms: number) => unknown = globalThis.setTimeout.bind(globalThis)

export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => { realSetTimeout(resolve, 0) })
}

export class Scheduler {
  private pending = 0

  constructor(private readonly onError: (error: unknown) => void) {}

  post(task: () => unknown): void {
    this.pending++
    realSetTimeout(() => {
      this.pending--
      this.run(task)
    }, 0)
  }

  // Runs a plugin or UI callback: errors (thrown or rejected) go to onError, as Figma logs
  // them to the console instead of handing them to whoever caused the event.
  run(task: () => unknown): void {
    try {
      const result = task()
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        this.pending++
        ;(result as Promise<unknown>).then(
          () => { this.pending-- },
          (error: unknown) => { this.pending--; this.onError(error) },
        )
      }
    } catch (error) {
      this.onError(error)
    }
  }

  get busy(): boolean {
    return this.pending > 0
  }

  // Waits until no task is pending, including tasks that pending tasks post and async
  // callbacks (e.g. an onmessage handler that exports and replies) until they settle.
  async idle(timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    do {
      await nextMacrotask()
      if (this.pending === 0) return
    } while (Date.now() < deadline)
    throw new Error(`figma fake: flush() gave up after ${timeoutMs} ms: a callback is still running (an async handler waiting for something that never comes?)`)
  }
}
