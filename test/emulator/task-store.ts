// Accepted tasks and their per-result state, for conflictTaskUUID and getResponse
// (each poll returns the full current state, one item per generation,
// in a stable order; failed generations move to `errors`).
import type { ErrorItem } from './errors'

export type ResultSlot =
  | { status: 'processing' }
  | { status: 'success'; item: Record<string, unknown> }
  | { status: 'error'; item: ErrorItem }

export interface TaskRecord {
  taskUUID: string
  taskType: string
  apiKey: string
  slots: ResultSlot[]
  failure?: ErrorItem
  createdAt: number
}

// How long getResponse can fetch a task is undocumented; an hour covers any client's
// polling budget while a long-running emulator (npm start) does not hoard inline images.
const RETENTION_MS = 60 * 60 * 1000
const MAX_RECORDS = 1000

export class TaskStore {
  private used = new Set<string>()
  private records = new Map<string, TaskRecord>()

  /** Claims a taskUUID; false when it was used before (conflictTaskUUID). */
  reserve(taskUUID: string): boolean {
    const key = taskUUID.toLowerCase()
    if (this.used.has(key)) return false
    this.used.add(key)
    return true
  }

  /** Gives a UUID back when its task was refused before being accepted. */
  release(taskUUID: string): void {
    this.used.delete(taskUUID.toLowerCase())
  }

  create(taskUUID: string, taskType: string, apiKey: string, results: number): TaskRecord {
    const record: TaskRecord = {
      taskUUID,
      taskType,
      apiKey,
      slots: Array.from({ length: results }, () => ({ status: 'processing' as const })),
      createdAt: performance.now(),
    }
    this.prune(record.createdAt)
    this.records.set(taskUUID.toLowerCase(), record)
    return record
  }

  private prune(now: number): void {
    for (const [key, record] of this.records) {
      if (this.records.size < MAX_RECORDS && now - record.createdAt < RETENTION_MS) break
      this.records.delete(key)
    }
  }

  get(taskUUID: string): TaskRecord | undefined {
    return this.records.get(taskUUID.toLowerCase())
  }
}
