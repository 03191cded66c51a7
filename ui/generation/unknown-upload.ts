import { isBase64DataUri } from '../runware/base64'

// Runware forgets an upload 30 days after its last use, and a cache entry
// can outlive it (another device, a cleared account). Runware then refuses the task before
// running it: `invalidReferenceImages` naming the UUID ("No uploaded or generated image has the
// UUID …"). Nothing was generated or billed, so the run can upload again and send a new task.

const UNKNOWN_UUID = /\bUUID\b/i

/** Whether `error` says a reference UUID this run sent is unknown to Runware. */
export function isUnknownUpload(error: unknown, references: readonly string[]): boolean {
  const facts = error as { code?: unknown; detail?: unknown; message?: unknown } | null
  if (typeof facts !== 'object' || facts === null || facts.code !== 'invalidReferenceImages') return false
  const text = `${String(facts.detail ?? '')} ${String(facts.message ?? '')}`
  if (!UNKNOWN_UUID.test(text)) return false
  // an all-inline run sent no UUID: a re-upload could not change Runware's answer
  return references.some((reference) => !isBase64DataUri(reference))
}
