// The sandbox's timers. figma.closePlugin() cancels them, and a
// reloaded plugin must not be poked by the timers of the run before it, so each plugin
// session gets its own set and clears it when it ends.

export interface SandboxTimers {
  setTimeout(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number
  clearTimeout(id?: number): void
  setInterval(callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]): number
  clearInterval(id?: number): void
  cancelAll(): void
}

export function createSandboxTimers(): SandboxTimers {
  const timeouts = new Set<number>()
  const intervals = new Set<number>()
  let cancelled = false
  return {
    setTimeout(callback, ms, ...args) {
      if (cancelled) return 0
      const id = window.setTimeout(() => {
        timeouts.delete(id)
        callback(...args)
      }, ms)
      timeouts.add(id)
      return id
    },
    clearTimeout(id) {
      if (id === undefined) return
      timeouts.delete(id)
      window.clearTimeout(id)
    },
    setInterval(callback, ms, ...args) {
      if (cancelled) return 0
      const id = window.setInterval(() => callback(...args), ms)
      intervals.add(id)
      return id
    },
    clearInterval(id) {
      if (id === undefined) return
      intervals.delete(id)
      window.clearInterval(id)
    },
    cancelAll() {
      cancelled = true
      timeouts.forEach((id) => window.clearTimeout(id))
      intervals.forEach((id) => window.clearInterval(id))
      timeouts.clear()
      intervals.clear()
    },
  }
}
