import type { Handlers } from '../messages/router'
import type { UploadCacheStore } from '../storage/upload-cache-store'

// The UI owns the upload cache (it talks to Runware); the sandbox only keeps it across
// launches, since the iframe has no storage of its own (localStorage is refused there).

type UploadCacheHandlers = Pick<Handlers, 'save-uploads'>

export function createUploadCacheHandlers(store: UploadCacheStore): UploadCacheHandlers {
  return {
    async 'save-uploads'({ entries }) {
      await store.save(entries)
    },
  }
}
