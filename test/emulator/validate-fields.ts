// Small checks shared by the task validators. A validator stops at the first problem and
// reports it as one Runware error item naming the parameter.
import { validate as isUuid, version as uuidVersion } from 'uuid'
import { errorItem, type ErrorItem } from './errors'

export type Task = Record<string, unknown>

export class ValidationFailure extends Error {
  constructor(readonly item: ErrorItem) {
    super(item.message)
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

export function isUuidV4(value: unknown): value is string {
  return typeof value === 'string' && isUuid(value) && uuidVersion(value) === 4
}

export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/** Builds `fail(code, parameter, message)` bound to one task, for validators to throw with. */
export function failFor(task: Task) {
  return (code: string, parameter: string, message: string, extra: Record<string, unknown> = {}): never => {
    throw new ValidationFailure(errorItem(code, message, {
      parameter,
      taskType: task.taskType,
      taskUUID: task.taskUUID,
    }, extra))
  }
}

export function invalidValue(parameter: string, detail: string): string {
  return `Invalid value for ${parameter} parameter. ${detail}`
}

/** Refuses keys the schema does not list (`unsupportedParameter`). */
export function rejectUnknownKeys(task: Task, object: Record<string, unknown>, allowed: readonly string[], prefix: string): void {
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue
    const parameter = prefix ? `${prefix}.${key}` : key
    const scope = task.taskType === 'imageInference' ? 'imageInference with model runway:4@2' : String(task.taskType)
    failFor(task)('unsupportedParameter', parameter, `Unsupported parameter: '${parameter}' is not supported for ${scope}.`)
  }
}

export function requireTaskUUID(task: Task): string {
  const fail = failFor(task)
  if (task.taskUUID === undefined) fail('invalidTaskUUID', 'taskUUID', 'Missing taskUUID parameter. Every task needs a UUID v4 taskUUID.')
  if (!isUuidV4(task.taskUUID)) fail('invalidTaskUUID', 'taskUUID', invalidValue('taskUUID', 'It must be a UUID v4 string.'))
  return task.taskUUID as string
}
