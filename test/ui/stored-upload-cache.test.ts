import { describe, expect, it } from 'vitest'

import type { StoredUpload } from '../../src/common/stored-uploads'
import { createStoredUploadCache } from '../../ui/generation/stored-upload-cache'

const ACCOUNT = 'http://127.0.0.1:1/v1|ws://127.0.0.1:1/v1|rw-key-123'
const NOW = 1_000_000_000_000

function setup() {
  const saved: StoredUpload[][] = []
  const deferred: Array<() => void> = []
  const cache = createStoredUploadCache({ now: () => NOW, save: (entries) => saved.push(entries), defer: (callback) => deferred.push(callback) })
  const flush = () => deferred.splice(0).forEach((callback) => callback())
  return { cache, saved, flush }
}

describe('stored upload cache (the app’s persistent upload cache)', () => {
  it('takes the entries from init and hits on them, keeping what the session learnt', () => {
    const { cache: earlier, flush: flushEarlier, saved: savedEarlier } = setup()
    earlier.remember(ACCOUNT, 'hash-a', 'uuid-a')
    flushEarlier()
    const stored = savedEarlier.at(-1)!

    const { cache, flush, saved } = setup()
    cache.remember(ACCOUNT, 'hash-b', 'uuid-b')
    cache.load(stored)
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    expect(cache.lookup(ACCOUNT, 'hash-b')).toBe('uuid-b')
    flush()
    expect(saved.at(-1)!.map((entry) => entry.imageUUID).sort()).toEqual(['uuid-a', 'uuid-b'])
    // the key is never stored, only a hash of the account
    expect(JSON.stringify(saved)).not.toContain('rw-key-123')
  })

  it('sends the changes of one task as a single save', () => {
    const { cache, saved, flush } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    cache.remember(ACCOUNT, 'hash-b', 'uuid-b')
    cache.lookup(ACCOUNT, 'hash-a')
    expect(saved).toHaveLength(0)
    flush()
    expect(saved).toHaveLength(1)
    expect(saved[0]!.map((entry) => entry.hash)).toEqual(['hash-b', 'hash-a'])
  })

  it('forgets an entry and saves without it', () => {
    const { cache, saved, flush } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    flush()
    cache.forget(ACCOUNT, 'hash-a')
    flush()
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBeUndefined()
    expect(saved.at(-1)).toEqual([])
  })
})
