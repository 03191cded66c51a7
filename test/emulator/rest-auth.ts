// REST authentication: `Authorization: Bearer <key>` or a leading
// `{taskType: 'authentication', apiKey}` task. Either one present and wrong fails the request.
import type { IncomingHttpHeaders } from 'node:http'
import { isKeyAccepted, type EmulatorContext } from './context'
import { invalidApiKey, missingApiKey, type ErrorItem } from './errors'
import { isPlainObject } from './validate-fields'

export type RestAuth = { ok: true; apiKey: string; tasks: unknown[] } | { ok: false; error: ErrorItem }

export function authenticateRest(ctx: EmulatorContext, headers: IncomingHttpHeaders, tasks: unknown[]): RestAuth {
  const offered: unknown[] = []
  const header = headers.authorization
  if (header !== undefined) offered.push(/^Bearer\s+(\S+)\s*$/i.exec(header)?.[1])
  let rest = tasks
  const first = tasks[0]
  if (isPlainObject(first) && first.taskType === 'authentication') {
    offered.push(first.apiKey)
    rest = tasks.slice(1)
  }
  if (offered.length === 0) return { ok: false, error: missingApiKey() }
  const bad = offered.find((key) => !isKeyAccepted(ctx, key))
  if (bad !== undefined || offered.some((key) => key === undefined)) return { ok: false, error: invalidApiKey() }
  return { ok: true, apiKey: offered[0] as string, tasks: rest }
}
