// POST /v1: a JSON array of tasks in, `{data:[...]}` out, with the
// `errors` array next to it when any task failed (the observed `{data:[], errors:[...]}`).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { recordTasks, type EmulatorContext } from './context'
import { dispatchTask } from './dispatch-task'
import { errorItem, isRequestError, statusError, type ErrorItem } from './errors'
import { BodyTooLarge, CORS_HEADERS, readBody, sendJson } from './http-io'
import type { DataItem, Outlet } from './outlet'
import type { LostAnswer } from './types'
import { authenticateRest } from './rest-auth'
import { isPlainObject } from './validate-fields'

function requestError(ctx: EmulatorContext, res: ServerResponse, status: number, code: string, message: string): void {
  sendJson(ctx, res, status, { errors: [errorItem(code, message)] })
}

interface Answers { data: DataItem[]; errors: ErrorItem[]; lost?: { answer: LostAnswer; error: ErrorItem } }

async function runTasks(ctx: EmulatorContext, apiKey: string, tasks: unknown[]): Promise<Answers> {
  const perTask = tasks.map(() => ({ data: [] as DataItem[], errors: [] as ErrorItem[] }))
  let lost: Answers['lost']
  await Promise.all(tasks.map(async (task, i) => {
    const outlet: Outlet = {
      transport: 'rest',
      apiKey,
      send: (data, errors) => {
        perTask[i]!.data.push(...data)
        perTask[i]!.errors.push(...errors)
      },
      loseReply: (answer, scope) => {
        lost = { answer, error: statusError(504, scope) }
      },
    }
    try {
      await dispatchTask(ctx, task, outlet)
    } catch (error) {
      const scope = isPlainObject(task) ? task : {}
      outlet.send([], [errorItem('internalServerError', `The emulator failed on this task: ${(error as Error).message}`, scope)])
    }
  }))
  return { data: perTask.flatMap((t) => t.data), errors: perTask.flatMap((t) => t.errors), lost }
}

export async function handleRest(ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'OPTIONS') {
    res.writeHead(204, CORS_HEADERS).end()
    return
  }
  if (req.method !== 'POST') return requestError(ctx, res, 405, 'invalidRequestMethod', 'All requests must be made using the POST method.')
  // The request Content-Type must be application/json.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return requestError(ctx, res, 400, 'invalidContentType', "The request Content-Type must be 'application/json'.")
  }
  let body: Buffer
  try {
    body = await readBody(req)
  } catch (error) {
    if (error instanceof BodyTooLarge) return requestError(ctx, res, 413, 'requestTooLarge', 'The request body is too large.')
    throw error
  }
  ctx.stats.requestBytes += body.length
  let parsed: unknown
  try {
    parsed = JSON.parse(body.toString('utf8'))
  } catch {
    return requestError(ctx, res, 400, 'invalidRequestBody', 'The request body is not valid JSON.')
  }
  // "Our API always accepts an array of objects".
  if (!Array.isArray(parsed)) return requestError(ctx, res, 400, 'invalidRequestBody', 'The request body must be a JSON array of task objects.')
  recordTasks(ctx, 'rest', parsed, body.length)
  const fault = ctx.faults.take('status')
  if (fault) {
    const scoped = parsed.filter((t) => isPlainObject(t) && t.taskType !== 'authentication') as Record<string, unknown>[]
    const errors = scoped.length > 0 ? scoped.map((t) => statusError(fault.status, t)) : [statusError(fault.status)]
    return sendJson(ctx, res, fault.status, { errors })
  }
  const auth = authenticateRest(ctx, req.headers, parsed)
  if (!auth.ok) return sendJson(ctx, res, 401, { errors: [auth.error] })
  const { data, errors, lost } = await runTasks(ctx, auth.apiKey, auth.tasks)
  if (lost?.answer === 'drop') return void res.destroy()
  if (lost) return sendJson(ctx, res, 504, { errors: [lost.error] })
  if (errors.length === 0) return sendJson(ctx, res, 200, { data })
  // Errors after a task was accepted (provider timeout, moderation, download) have no known
  // HTTP status (undocumented); the emulator keeps 200 for them and 400 for refusals.
  const status = data.length === 0 && errors.every((e) => isRequestError(e.code)) ? 400 : 200
  sendJson(ctx, res, status, { data, errors })
}
