import type * as z from 'zod/mini'

import { PROMPT_MAX, REFERENCE_FORMS, REFERENCES_MAX, RESULTS_MAX, TTL_MIN } from './task-schema'

// Turns a schema issue about a task into one plain sentence naming the field, so the form can
// put it next to the right control ("The prompt is 1,001 characters; the model takes at most
// 1,000."). The schema stays the single source of truth; this only words its verdicts.

export interface FieldProblem {
  field: string
  message: string
}

type Issue = z.core.$ZodIssue

/** Fields in the order a person reads the form: the first problem reported is the top one. */
const FIELD_ORDER = [
  'positivePrompt',
  'inputs.referenceImages',
  'width',
  'height',
  'numberResults',
  'outputType',
  'outputFormat',
  'outputQuality',
  'deliveryMethod',
  'ttl',
  'includeCost',
  'safety',
  'providerSettings',
  'webhookURL',
  'uploadEndpoint',
]

export function formatCount(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `['inputs', 'referenceImages', 1]` → `inputs.referenceImages` (indices name no field). */
export function fieldOf(issue: Issue): string {
  const path = issue.path.filter((part): part is string => typeof part === 'string')
  if (issue.code === 'unrecognized_keys') return [...path, issue.keys[0] ?? ''].filter(Boolean).join('.')
  return path.join('.') || 'task'
}

function rank(field: string): number {
  const index = FIELD_ORDER.findIndex((name) => field === name || field.startsWith(`${name}.`))
  return index === -1 ? FIELD_ORDER.length : index
}

export function firstIssue(issues: readonly Issue[]): Issue | undefined {
  return [...issues].sort((a, b) => {
    const byKind = Number(a.code === 'unrecognized_keys') - Number(b.code === 'unrecognized_keys')
    return byKind || rank(fieldOf(a)) - rank(fieldOf(b))
  })[0]
}

function read(task: unknown, field: string): unknown {
  let value: unknown = task
  for (const key of field.split('.')) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

export function describeIssue(issue: Issue, task: unknown): FieldProblem {
  const field = fieldOf(issue)
  const value = read(task, field)
  const say = (message: string): FieldProblem => ({ field, message })
  if (issue.code === 'unrecognized_keys') return say(`The task has a field the model doesn't accept: ${field}.`)

  switch (field) {
    case 'positivePrompt': {
      const text = typeof value === 'string' ? value : ''
      if (text.length > PROMPT_MAX) {
        return say(`The prompt is ${formatCount(text.length)} characters; the model takes at most ${formatCount(PROMPT_MAX)}.`)
      }
      return say('Write a prompt first: describe what the images should show.')
    }
    case 'inputs.referenceImages': {
      const count = Array.isArray(value) ? value.length : 0
      if (issue.path.length === 3) {
        const index = Number(issue.path[2]) + 1
        return say(`Reference image ${index} isn't in a form Runware reads (an uploaded image id, a URL, a data URI or base64).`)
      }
      if (issue.message === REFERENCE_FORMS) return say('Tag every reference image, each with its own tag, or none.')
      if (count > REFERENCES_MAX) return say(`There are ${count} reference images; the model takes at most ${REFERENCES_MAX}.`)
      return say(`Select at least one frame as a reference: the model needs 1 to ${REFERENCES_MAX}.`)
    }
    case 'inputs':
      return { field: 'inputs.referenceImages', message: 'Select at least one frame as a reference: the model needs 1 to 3.' }
    case 'width':
    case 'height': {
      const t = task as { width?: unknown; height?: unknown }
      if (t.width === undefined || t.height === undefined) return say('Width and height go together: give both.')
      return say(`${String(t.width)} × ${String(t.height)} isn't a size Gen-4 Image Turbo makes. Pick one of the 16 sizes.`)
    }
    case 'numberResults':
      return say(`Ask for 1 to ${RESULTS_MAX} results; this run asks for ${String(value)}.`)
    case 'outputQuality':
      return say(`Output quality must be a whole number from 20 to 99 (it is ${String(value)}).`)
    case 'ttl':
      // Both the whole-number check and the URL-only rule report a custom issue: tell them apart by the value.
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        return say(`Time to live is a whole number of seconds (it is ${String(value)}).`)
      }
      if (issue.code === 'custom') {
        return say('Time to live only applies to URL output. Switch the output type to URL or clear the time to live.')
      }
      return say(`Keep image links for at least ${TTL_MIN} seconds (it is ${String(value)}).`)
    case 'webhookURL':
      return say("The webhook URL isn't a valid web address (https://…).")
    case 'uploadEndpoint':
      return say("The upload endpoint isn't a valid web address (https://…).")
    case 'taskUUID':
      return say('The task id must be a UUID v4.')
    default:
      return say(`The value of ${field} (${JSON.stringify(value) ?? 'missing'}) isn't one the model accepts.`)
  }
}
