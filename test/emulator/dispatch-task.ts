// Routes one task, already authenticated, to its handler. Both transports use this, so a task
// behaves the same over REST and WebSocket (one endpoint, every task type).
import type { EmulatorContext } from './context'
import { errorItem } from './errors'
import { runGetResponse } from './get-response'
import { runInferenceTask } from './inference-task'
import type { Outlet } from './outlet'
import { runUploadTask } from './upload-task'
import { isPlainObject } from './validate-fields'

export async function dispatchTask(ctx: EmulatorContext, task: unknown, outlet: Outlet): Promise<void> {
  if (!isPlainObject(task)) {
    return outlet.send([], [errorItem('invalidRequestBody', 'Every element of the request array must be a task object.')])
  }
  switch (task.taskType) {
    case 'imageInference':
      return runInferenceTask(ctx, task, outlet)
    case 'imageUpload':
      return runUploadTask(ctx, task, outlet)
    case 'getResponse':
      return runGetResponse(ctx, task, outlet)
    case 'ping':
      // Keep-alive; answered on REST too since it costs nothing.
      return outlet.send([{ taskType: 'ping', pong: true }], [])
    case 'authentication':
      // Already authenticated; a repeated authentication task changes nothing.
      return
    default:
      return outlet.send([], [errorItem('invalidTaskType',
        `Invalid value for taskType parameter. Supported here: imageInference, imageUpload, getResponse, ping, authentication.`,
        { parameter: 'taskType', taskType: task.taskType, taskUUID: task.taskUUID })])
  }
}
