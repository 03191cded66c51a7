import { isUnknownUpload } from './unknown-upload'

// The runway:4@2 model page documents `inputs.referenceImages` as strings only; the
// `{ image, tag }` form is documented on Runware's Runway provider page. A validation error
// naming that field on a tagged task means Runware refused the objects before accepting the
// task: nothing ran and nothing was billed, so the run can go again with plain strings.

export const UNTAGGED_NOTE =
  'Runware refused tagged references: sent again untagged, each @tag written as its position ("the first image").'

/** Whether `error` is Runware refusing a task's `inputs.referenceImages` before running it. */
export function isTagRefusal(error: unknown, references: readonly string[]): boolean {
  const facts = error as { kind?: unknown; field?: unknown; code?: unknown } | null
  if (typeof facts !== 'object' || facts === null || facts.kind !== 'validation') return false
  if (typeof facts.field !== 'string' || !facts.field.includes('referenceImages')) return false
  // an unknown uploaded image is a different refusal, with its own remedy
  return !isUnknownUpload(error, references)
}
