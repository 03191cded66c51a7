// A queue of injected faults. Each kind is consumed at the point where it fits (a REST request,
// a WebSocket connection, an accepted inference task, an outgoing body), so faults of
// different kinds queued together do not wait on each other.
import type { Fault } from './types'

interface Pending { fault: Fault; remaining: number }

export class FaultQueue {
  private pending: Pending[] = []

  add(fault: Fault, times = 1): void {
    if (times > 0) this.pending.push({ fault, remaining: times })
  }

  clear(): void {
    this.pending = []
  }

  /** Takes one use of the oldest pending fault of this kind, if any. */
  take<K extends Fault['kind']>(kind: K): Extract<Fault, { kind: K }> | undefined {
    const entry = this.pending.find((p) => p.fault.kind === kind)
    if (!entry) return undefined
    entry.remaining -= 1
    if (entry.remaining <= 0) this.pending.splice(this.pending.indexOf(entry), 1)
    return entry.fault as Extract<Fault, { kind: K }>
  }

  has(kind: Fault['kind']): boolean {
    return this.pending.some((p) => p.fault.kind === kind)
  }
}
