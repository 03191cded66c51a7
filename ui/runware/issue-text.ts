import type * as z from 'zod/mini'

// zod/mini ships no locale texts (classic zod's ~90 kB of them would land in the UI bundle), so
// its built-in issues all read "Invalid input". The task and reply schemas' issues end up in an
// error's Details, where "Too big: expected number to be <=99" says far more; this error map,
// passed to each parse, words them as classic zod's English locale did. Only the codes those
// schemas can raise are covered; messages given in the schemas themselves still win.

const SIZED: Record<string, string> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' }

function quoted(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  return typeof value === 'string' ? `"${value}"` : String(value)
}

/** Classic zod's name for what arrived: `typeof`, refined for null, arrays, NaN and class instances. */
function received(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input)
  if (typeof input !== 'object') return typeof input
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  const proto: unknown = Object.getPrototypeOf(input)
  const ctor = (input as { constructor?: { name?: string } }).constructor
  return proto !== Object.prototype && 'constructor' in input && ctor ? String(ctor.name) : 'object'
}

function bound(issue: { origin?: string; inclusive?: boolean; exact?: boolean }, limit: number | bigint, big: boolean): string {
  const adj = issue.exact ? 'exactly ' : issue.inclusive ? (big ? '<=' : '>=') : big ? '<' : '>'
  const unit = issue.origin ? SIZED[issue.origin] : undefined
  const origin = issue.origin ?? (big ? 'value' : 'undefined')
  const what = `${big ? 'Too big' : 'Too small'}: expected ${origin}`
  return unit ? `${what} to have ${adj}${String(limit)} ${unit}` : `${what} to be ${adj}${String(limit)}`
}

export const englishIssue: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected === 'nan' ? 'NaN' : issue.expected}, received ${received(issue.input)}`
    case 'invalid_value':
      if (issue.values.length === 1) return `Invalid input: expected ${quoted(issue.values[0])}`
      return `Invalid option: expected one of ${issue.values.map(quoted).join('|')}`
    case 'too_big':
      return bound(issue, issue.maximum, true)
    case 'too_small':
      return bound(issue, issue.minimum, false)
    case 'unrecognized_keys':
      return `Unrecognized key${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.map(quoted).join(', ')}`
    default:
      return undefined // zod's own "Invalid input", as the English locale says for the rest
  }
}
