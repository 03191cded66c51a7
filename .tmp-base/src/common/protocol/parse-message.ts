import * as z from 'zod/mini'

// How each side reads the other's messages: by their `type`, each with its own object schema,
// so an invalid message is refused with the exact field and reason rather than "matches none
// of 20 shapes", and no union schema has to try them in turn.

type Shapes = Record<string, z.core.$ZodShape>

/** One object schema per message type, each with its `type` as a literal. */
export type MessageSchemas<S extends Shapes> = {
  [K in keyof S & string]: z.ZodMiniObject<{ type: z.ZodMiniLiteral<K> } & S[K], z.core.$strip>
}

/** The union of the messages a set of schemas describes. */
export type MessageOf<M> = { [K in keyof M]: M[K] extends z.ZodMiniType<infer T> ? T : never }[keyof M]

export function messageSchemas<S extends Shapes>(shapes: S): MessageSchemas<S> {
  const schemas: Record<string, z.ZodMiniType> = {}
  for (const type of Object.keys(shapes)) schemas[type] = z.object({ type: z.literal(type), ...shapes[type] })
  return schemas as MessageSchemas<S>
}

export type ParseResult<T> = { ok: true; message: T } | { ok: false; reason: string }

export function parseMessage<M extends Record<string, z.ZodMiniType>>(schemas: M, raw: unknown): ParseResult<MessageOf<M>> {
  const type = typeof raw === 'object' && raw !== null && 'type' in raw ? String((raw as { type: unknown }).type) : 'unknown'
  // own keys only: a message typed 'constructor' must not reach Object.prototype
  if (!Object.prototype.hasOwnProperty.call(schemas, type)) return { ok: false, reason: `message '${type}' refused: unknown type` }
  const parsed = schemas[type]!.safeParse(raw)
  if (parsed.success) return { ok: true, message: parsed.data as MessageOf<M> }
  const issue = parsed.error.issues[0]
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : ''
  return { ok: false, reason: `message '${type}' refused${where}: ${describeIssue(issue)}` }
}

// zod/mini carries no locale texts (they would triple the sandbox bundle), so a generic
// "Invalid input" is spelled out from the issue's code for the log.
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'invalid'
  if (issue.message && issue.message !== 'Invalid input') return issue.message
  const expected = 'expected' in issue && issue.expected !== undefined ? `, expected ${String(issue.expected)}` : ''
  return `${issue.code}${expected}`
}
