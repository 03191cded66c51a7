import type { RunwareError } from './errors'
import type { Envelope } from './response-schema'

// One interface over WebSocket and REST. Replies are routed by taskUUID on both (results,
// and getResponse replies, carry the original task's taskUUID), so the code that
// runs a generation does not care which wire carried them.

export type TransportName = 'websocket' | 'rest'

export type TaskEvent =
  /** Reply items and errors for this task (already split out of the frame or body). */
  | { type: 'reply'; envelope: Envelope }
  /** The connection failed for good (WS could not resume, or the key stopped working). */
  | { type: 'failed'; error: RunwareError }
  /** WS: a frame that could not be read; it may have carried this task's results. */
  | { type: 'unreadable'; detail: string }
  /** WS came back after a drop. `sameSession`: Runware kept the session, so buffered results replay. */
  | { type: 'resumed'; sameSession: boolean }

export type TaskListener = (event: TaskEvent) => void

export interface Transport {
  readonly name: TransportName
  /** Routes every reply carrying `taskUUID` to `listener` until the returned function runs. */
  subscribe(taskUUID: string, listener: TaskListener): () => void
  /**
   * Sends tasks as one JSON array. REST resolves once the reply body has been routed to the
   * listeners; WebSocket resolves once the frame is written and replies follow as they come.
   * Rejects with a RunwareError whose `notAccepted` says whether Runware certainly never saw it.
   */
  send(tasks: readonly object[], signal?: AbortSignal): Promise<void>
  close(): void
}

/** Listener bookkeeping shared by both transports. */
export class TaskRouter {
  readonly #listeners = new Map<string, Set<TaskListener>>()

  subscribe(taskUUID: string, listener: TaskListener): () => void {
    const set = this.#listeners.get(taskUUID) ?? new Set()
    set.add(listener)
    this.#listeners.set(taskUUID, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(taskUUID)
    }
  }

  get size(): number {
    return this.#listeners.size
  }

  emit(taskUUID: string, event: TaskEvent): void {
    for (const listener of [...(this.#listeners.get(taskUUID) ?? [])]) listener(event)
  }

  broadcast(event: TaskEvent): void {
    for (const taskUUID of [...this.#listeners.keys()]) this.emit(taskUUID, event)
  }

  /**
   * Splits an envelope by taskUUID. Items without one go to `fallbackUUID` (REST: the task
   * that was sent) or, when there is none, to every listener. Items for a task nobody waits
   * for any more (finished, cancelled) are dropped, never handed to another task.
   */
  route(envelope: Envelope, fallbackUUID?: string): void {
    const groups = new Map<string | undefined, Envelope>()
    const group = (uuid: string | undefined): Envelope | undefined => {
      const key = uuid ?? fallbackUUID
      if (key !== undefined && !this.#listeners.has(key)) return undefined
      let part = groups.get(key)
      if (!part) groups.set(key, (part = { data: [], errors: [] }))
      return part
    }
    for (const item of envelope.data) group(typeof item.taskUUID === 'string' ? item.taskUUID : undefined)?.data.push(item)
    for (const error of envelope.errors) group(error.taskUUID)?.errors.push(error)
    for (const [uuid, part] of groups) {
      if (uuid === undefined) this.broadcast({ type: 'reply', envelope: part })
      else this.emit(uuid, { type: 'reply', envelope: part })
    }
  }
}
