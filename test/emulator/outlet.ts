// Where a task's answers go. REST collects them into one response body; the WebSocket sends
// each call as its own frame the moment it happens ("results arrive as
// they complete").
import type { ErrorItem } from './errors'
import type { LostAnswer } from './types'

export type DataItem = Record<string, unknown>

export interface Outlet {
  transport: 'rest' | 'ws'
  apiKey: string
  send(data: DataItem[], errors: ErrorItem[]): void
  /** WebSocket only: cut the connection now (the dropSocket fault). */
  drop?(): void
  /** The lostReply fault: the caller gets a 504 or a dropped connection instead of the task's answer. */
  loseReply(answer: LostAnswer, scope: { taskType?: unknown; taskUUID?: unknown }): void
}

/** A task that was accepted and then failed; its item goes to `errors`. */
export class TaskFailure extends Error {
  constructor(readonly item: ErrorItem) {
    super(item.message)
  }
}
