import { toDataUri } from '../image/data-uri'
import type { ImagePipeline } from '../image/image-pipeline'
import { isAbort } from './error-text'
import type { Generator } from './generator'
import { cancelledError } from '../runware/errors'
import type { UploadCache } from './upload-cache'

// Turns the selected frames' bytes into what goes in `inputs.referenceImages`: an uploaded
// imageUUID when possible (short requests, and reused while the bytes do not change), the
// inline data URI when the upload fails.

export interface ReferenceUploadDeps {
  generator: Generator
  pipeline: ImagePipeline
  cache: UploadCache
  /** Which account and endpoint the cached UUIDs belong to. */
  account: string
  /** Content hash, memoized per byte array (usually ready before Generate: see memo-hash.ts). */
  hash(bytes: Uint8Array): Promise<string>
  signal: AbortSignal
  /** Something the designer should know that is not an error. */
  note(text: string): void
}

export async function uploadReferences(references: readonly Uint8Array[], deps: ReferenceUploadDeps): Promise<string[]> {
  const { generator, pipeline, cache, account, signal } = deps

  const inline: number[] = []

  async function one(bytes: Uint8Array, key: string, position: number): Promise<string> {
    // cached by the bytes the sandbox exported, so an unchanged frame skips the pixel work too
    const cached = cache.lookup(account, key)
    if (cached) return cached
    const prepared = await pipeline.prepareReference(bytes)
    if (signal.aborted) throw cancelledError()
    const dataUri = toDataUri(prepared.bytes, prepared.mime)
    try {
      const { imageUUID } = await generator.uploadImage(dataUri, signal)
      cache.remember(account, key, imageUUID)
      return imageUUID
    } catch (error) {
      if (signal.aborted || isAbort(error)) throw error
      // a bad key or an empty balance fails the run anyway: say so now, not after a big request
      const kind = (error as { kind?: unknown } | null)?.kind
      if (kind === 'auth' || kind === 'credits') throw error
      inline.push(position + 1)
      return dataUri
    }
  }

  const keys = await Promise.all(references.map((bytes) => deps.hash(bytes)))
  if (signal.aborted) throw cancelledError()
  // the same frame twice in one selection is prepared and uploaded once
  const inFlight = new Map<string, Promise<string>>()
  const images = await Promise.all(
    references.map((bytes, position) => {
      const key = keys[position]!
      let job = inFlight.get(key)
      if (!job) {
        job = one(bytes, key, position)
        inFlight.set(key, job)
      }
      return job
    }),
  )
  if (inline.length > 0) deps.note(inlineNote(inline))
  return images
}

/** Forgets the cached UUIDs of these references, so the next `uploadReferences` uploads them again. */
export async function forgetUploads(references: readonly Uint8Array[], deps: Pick<ReferenceUploadDeps, 'cache' | 'account' | 'hash'>): Promise<void> {
  const keys = await Promise.all(references.map((bytes) => deps.hash(bytes)))
  for (const key of keys) deps.cache.forget(deps.account, key)
}

function inlineNote(positions: number[]): string {
  const sorted = [...positions].sort((a, b) => a - b)
  if (sorted.length === 1) return `Reference ${sorted[0]} is sent inline: its upload failed`
  const list = `${sorted.slice(0, -1).join(', ')} and ${sorted.at(-1)}`
  return `References ${list} are sent inline: their upload failed`
}
