// The runway:4@2 model page documents `inputs.referenceImages` as strings only; the
// `{ image, tag }` form is documented on Runware's Runway provider page. A validation error
// naming that field on a tagged task means Runware refused the objects before accepting the
// task: nothing ran and nothing was billed, so the run can go again with plain strings. An
// unknown uploaded image is refused the same way; the untagged task then meets that refusal
// on its own and gets its own remedy (upload again).

export const UNTAGGED_NOTE =
  'Runware refused tagged references: sent again untagged, each @tag written as "the first image" and so on.'

/** Whether `error` is Runware refusing a task's `inputs.referenceImages` before running it. */
export function isTagRefusal(error: unknown): boolean {
  const facts = error as { kind?: unknown; field?: unknown } | null
  return facts?.kind === 'validation' && typeof facts.field === 'string' && facts.field.includes('referenceImages')
}
