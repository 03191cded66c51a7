// getResponse: the full current state of a task, one item per result in a
// stable order: `processing` placeholders and `success` results in `data`, each failed
// generation in `errors` with status `error` (a task that failed before any result: one error).
import type { EmulatorContext } from './context'
import { errorItem } from './errors'
import type { Outlet } from './outlet'
import { failFor, isUuidV4, rejectUnknownKeys, ValidationFailure, type Task } from './validate-fields'

export function runGetResponse(ctx: EmulatorContext, task: Task, outlet: Outlet): void {
  try {
    rejectUnknownKeys(task, task, ['taskType', 'taskUUID'], '')
    if (!isUuidV4(task.taskUUID)) failFor(task)('invalidTaskUUID', 'taskUUID', 'Invalid value for taskUUID parameter. It must be the UUID v4 of a submitted task.')
  } catch (error) {
    if (error instanceof ValidationFailure) return outlet.send([], [error.item])
    throw error
  }
  const taskUUID = task.taskUUID as string
  const record = ctx.taskStore.get(taskUUID)
  // A task another account submitted is as unknown to this key as a made-up UUID.
  if (!record || record.apiKey !== outlet.apiKey) {
    // The SDK files `taskFailedOrNotFound` under notFound; no real string is confirmed.
    return outlet.send([], [errorItem('taskFailedOrNotFound', `No task found with taskUUID ${taskUUID}.`, {
      parameter: 'taskUUID', taskType: 'getResponse', taskUUID,
    }, { status: 'error' })])
  }
  // A task that failed before any generation ended: one error, the task's.
  if (record.failure && !record.slots.some((slot) => slot.status === 'success')) {
    return outlet.send([], [{ ...record.failure, status: 'error' }])
  }
  const data = record.slots.flatMap((slot) => slot.status === 'success'
    ? [{ ...slot.item, status: 'success' }]
    : slot.status === 'processing' ? [{ taskType: record.taskType, taskUUID: record.taskUUID, status: 'processing' }] : [])
  // failed generations are moved to `errors`, one each, next to the successes
  const errors = record.slots.flatMap((slot) => (slot.status === 'error' ? [{ ...slot.item, status: 'error' as const }] : []))
  outlet.send(data, errors)
}
