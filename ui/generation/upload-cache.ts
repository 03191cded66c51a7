// Runware imageUUIDs of references already uploaded, by content hash, so an unchanged frame
// is uploaded once per session. UUIDs belong to one account on one endpoint: switching
// either empties the cache rather than sending a UUID the other side never saw.

export interface UploadCache {
  lookup(account: string, hash: string): string | undefined
  remember(account: string, hash: string, imageUUID: string): void
  /** Drops one entry, e.g. after Runware answered that it no longer knows the UUID. */
  forget(account: string, hash: string): void
  readonly size: number
}

export function createUploadCache(): UploadCache {
  let owner: string | null = null
  const uuids = new Map<string, string>()
  function use(account: string) {
    if (owner !== account) {
      uuids.clear()
      owner = account
    }
  }
  return {
    lookup(account, hash) {
      use(account)
      return uuids.get(hash)
    },
    remember(account, hash, imageUUID) {
      use(account)
      uuids.set(hash, imageUUID)
    },
    forget(account, hash) {
      if (owner === account) uuids.delete(hash)
    },
    get size() {
      return uuids.size
    },
  }
}
