import type { StoredUpload } from '../../src/common/stored-uploads'
import { createPersistentUploadCache, type PersistentUploadCache } from './persistent-upload-cache'

// The persistent upload cache as the app uses it: it exists from the start (empty), takes the
// entries the sandbox read from clientStorage when `init` arrives, and hands every change back
// to be saved. Changes made in one task (a run's three lookups) go out as one save message.

export interface StoredUploadCache extends PersistentUploadCache {
  /** Entries from `init`; what this session already learnt wins over them. */
  load(entries: readonly StoredUpload[]): void
}

export interface StoredUploadCacheOptions {
  save(entries: StoredUpload[]): void
  now?: () => number
  /** Defers a save to the end of the current task; tests pass a synchronous one. */
  defer?: (callback: () => void) => void
}

export function createStoredUploadCache(options: StoredUploadCacheOptions): StoredUploadCache {
  const now = options.now ?? (() => Date.now())
  const defer = options.defer ?? ((callback: () => void) => queueMicrotask(callback))
  let scheduled = false
  const save = () => {
    if (scheduled) return
    scheduled = true
    defer(() => {
      scheduled = false
      options.save(cache.snapshot())
    })
  }
  const make = (initial: unknown) => createPersistentUploadCache({ now, initial, save })
  let cache: PersistentUploadCache = make([])

  return {
    load(entries) {
      // the session's own entries last: they are the most recently used
      cache = make([...entries, ...cache.snapshot()])
    },
    lookup: (account, hash) => cache.lookup(account, hash),
    remember: (account, hash, imageUUID) => cache.remember(account, hash, imageUUID),
    forget: (account, hash) => cache.forget(account, hash),
    snapshot: () => cache.snapshot(),
    get size() {
      return cache.size
    },
  }
}
