import { MAX_STORED_UPLOADS, readStoredUploads, type StoredUpload } from '../common/stored-uploads'
import { reasonOf } from '../text'
import { UPLOAD_CACHE_STORAGE_KEY } from '../common/storage-keys'

// The UI's upload cache in figma.clientStorage, under a versioned key.
// Read once per launch for `init`, written after the UI's uploads change it. Storage failures
// are logged and never break a run: the worst case is one more upload.

export interface UploadCacheStore {
  load(): Promise<StoredUpload[]>
  save(entries: StoredUpload[]): Promise<void>
}

export function createUploadCacheStore(storage: ClientStorageAPI): UploadCacheStore {
  return {
    async load() {
      try {
        return readStoredUploads(await storage.getAsync(UPLOAD_CACHE_STORAGE_KEY))
      } catch (error) {
        console.warn('upload cache could not be read:', reasonOf(error, 'storage refused'))
        return []
      }
    },
    async save(entries) {
      try {
        if (entries.length === 0) await storage.deleteAsync(UPLOAD_CACHE_STORAGE_KEY)
        else await storage.setAsync(UPLOAD_CACHE_STORAGE_KEY, entries.slice(-MAX_STORED_UPLOADS))
      } catch (error) {
        console.warn('upload cache not saved:', reasonOf(error, 'storage refused'))
      }
    },
  }
}
