// getResponse (runware-api.md §3): the full current state of a task, one item per result in a
// stable order: `processing` placeholders and `success` results in `data`, a failure in
// `errors` with status `error`.
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
    // §4: the SDK files `taskFailedOrNotFound` under notFound; no real string is confirmed.
    return outlet.send([], [errorItem('taskFailedOrNotFound', `No task found with taskUUID ${taskUUID}.`, {
      parameter: 'taskUUID', taskType: 'getResponse', taskUUID,
    }, { status: 'error' })])
  }
  if (record.failure) return outlet.send([], [{ ...record.failure, status: 'error' }])
  const data = record.slots.map((slot) => slot.status === 'success'
    ? { ...slot.item, status: 'success' }
    : { taskType: record.taskType, taskUUID: record.taskUUID, status: 'processing' })
  outlet.send(data, [])
}
