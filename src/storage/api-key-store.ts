import { API_KEY_STORAGE_KEY } from '../common/storage-keys'

// The Runware key lives only in figma.clientStorage: plugin data is part of the file and
// readable by every collaborator who has it.

export interface ApiKeyStore {
  read(): Promise<string | null>
  /** Rejects when storage refuses; the previous key then stays. */
  save(key: string): Promise<void>
  forget(): Promise<void>
}

export function createApiKeyStore(storage: ClientStorageAPI): ApiKeyStore {
  return {
    async read() {
      try {
        const stored: unknown = await storage.getAsync(API_KEY_STORAGE_KEY)
        return typeof stored === 'string' && stored.trim().length > 0 ? stored : null
      } catch (error) {
        console.warn('the API key could not be read:', error)
        return null
      }
    },
    async save(key) {
      await storage.setAsync(API_KEY_STORAGE_KEY, key)
    },
    async forget() {
      await storage.deleteAsync(API_KEY_STORAGE_KEY)
    },
  }
}
