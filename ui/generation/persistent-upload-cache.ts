import { readEach } from '../../src/common/read-each'
import { StoredUploadSchema } from '../../src/common/stored-uploads'
import { sha256Hex } from '../image/content-hash'
import type { UploadCache } from './upload-cache'

// The upload cache kept across launches: content hash → Runware imageUUID, so an unchanged
// frame is uploaded once, not once per session. Runware deletes an upload 30 days after its
// last use; entries expire 7 days after their last use here, well inside
// that, so a UUID the plugin sends is never one Runware already dropped. Bounded, because
// clientStorage has a 5 MB budget shared with history and settings. The account (endpoint +
// key) is stored only as a hash: the key itself never leaves its own storage slot.

export const UPLOAD_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000
export const UPLOAD_CACHE_MAX_ENTRIES = 64

export interface StoredUpload {
  account: string
  hash: string
  imageUUID: string
  /** Last use, ms since the epoch. */
  usedAt: number
}

export interface PersistentUploadCache extends UploadCache {
  /** Drops one entry, e.g. after Runware answered that it no longer knows the UUID. */
  forget(account: string, hash: string): void
  /** What goes to storage: plain data, newest last. */
  snapshot(): StoredUpload[]
}

export interface PersistentUploadCacheOptions {
  now(): number
  /** Entries from storage, as saved earlier (anything malformed is ignored). */
  initial?: unknown
  /** Called after every change with the new snapshot. */
  save(entries: StoredUpload[]): void
  maxAgeMs?: number
  maxEntries?: number
}

export function createPersistentUploadCache(options: PersistentUploadCacheOptions): PersistentUploadCache {
  const maxAge = options.maxAgeMs ?? UPLOAD_CACHE_MAX_AGE_MS
  const maxEntries = options.maxEntries ?? UPLOAD_CACHE_MAX_ENTRIES
  // Map order is insertion order: re-inserting on use keeps the least recently used first
  const entries = new Map<string, StoredUpload>()
  const keyOf = (account: string, hash: string) => `${account}:${hash}`
  const accountId = (account: string) => sha256Hex(new TextEncoder().encode(account)).slice(0, 32)
  const fresh = (entry: StoredUpload, now: number) => now - entry.usedAt < maxAge && entry.usedAt <= now + 60_000

  // the stored entries' own schema (the one `init` carries them in) decides what is malformed
  const initial = readEach(StoredUploadSchema, options.initial)
  const start = options.now()
  for (const entry of [...initial].sort((a, b) => a.usedAt - b.usedAt)) {
    if (fresh(entry, start)) entries.set(keyOf(entry.account, entry.hash), { ...entry })
  }
  trim()

  function trim(): void {
    for (const key of entries.keys()) {
      if (entries.size <= maxEntries) break
      entries.delete(key)
    }
  }

  const snapshot = () => [...entries.values()].map((entry) => ({ ...entry }))
  const persist = () => options.save(snapshot())

  return {
    lookup(account, hash) {
      const key = keyOf(accountId(account), hash)
      const entry = entries.get(key)
      if (!entry) return undefined
      const now = options.now()
      entries.delete(key)
      if (!fresh(entry, now)) {
        persist()
        return undefined
      }
      // a hit is a use: Runware's 30 days restart when the UUID is sent again
      entries.set(key, { ...entry, usedAt: now })
      persist()
      return entry.imageUUID
    },
    remember(account, hash, imageUUID) {
      const id = accountId(account)
      const key = keyOf(id, hash)
      entries.delete(key)
      entries.set(key, { account: id, hash, imageUUID, usedAt: options.now() })
      trim()
      persist()
    },
    forget(account, hash) {
      if (entries.delete(keyOf(accountId(account), hash))) persist()
    },
    snapshot,
    get size() {
      return entries.size
    },
  }
}
