import * as z from 'zod/mini'

import { readEach } from './read-each'

// The UI's upload cache as the sandbox keeps it in clientStorage (content hash → Runware
// imageUUID, see ui/generation/persistent-upload-cache.ts), so an unchanged frame is uploaded
// once across launches. The key is versioned: a future shape starts fresh instead of
// misreading old data. Bounded, because clientStorage's 5 MB is shared with history.

export const MAX_STORED_UPLOADS = 64

export const StoredUploadSchema = z.object({
  /** A hash of endpoint + key, never the key itself. */
  account: z.string().check(z.minLength(1), z.maxLength(128)),
  hash: z.string().check(z.minLength(1), z.maxLength(128)),
  imageUUID: z.string().check(z.minLength(1), z.maxLength(128)),
  // zod 4: z.number() refuses Infinity and NaN
  usedAt: z.number(),
})
export type StoredUpload = z.infer<typeof StoredUploadSchema>

export const StoredUploadsSchema = z.array(StoredUploadSchema).check(z.maxLength(MAX_STORED_UPLOADS))

/** Stored data that no longer parses is dropped entry by entry, never as a whole. */
export function readStoredUploads(stored: unknown): StoredUpload[] {
  // newest last, as saved: the oldest go first when over the bound
  return readEach(StoredUploadSchema, stored).slice(-MAX_STORED_UPLOADS)
}
