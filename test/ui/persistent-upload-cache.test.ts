import { describe, expect, it } from 'vitest'

import {
  createPersistentUploadCache,
  UPLOAD_CACHE_MAX_AGE_MS,
  type StoredUpload,
} from '../../ui/generation/persistent-upload-cache'

const ACCOUNT = 'http://127.0.0.1:1/v1|ws://127.0.0.1:1/v1|rw-key-123'
const DAY = 24 * 60 * 60 * 1000

function setup(options: { initial?: unknown; maxEntries?: number } = {}) {
  let now = 1_000_000_000_000
  const saved: StoredUpload[][] = []
  const cache = createPersistentUploadCache({ now: () => now, save: (entries) => saved.push(entries), ...options })
  return { cache, saved, advance: (ms: number) => (now += ms), now: () => now }
}

describe('persistent upload cache', () => {
  it('hits for the same account and content hash, misses for another hash or account', () => {
    const { cache } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    expect(cache.lookup(ACCOUNT, 'hash-b')).toBeUndefined()
    expect(cache.lookup(`${ACCOUNT}-other-key`, 'hash-a')).toBeUndefined()
  })

  it('expires an entry a week after its last use, and a use restarts the clock', () => {
    const { cache, advance } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    advance(6 * DAY)
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    advance(6 * DAY)
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    advance(UPLOAD_CACHE_MAX_AGE_MS)
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBeUndefined()
    expect(cache.size).toBe(0)
  })

  it('keeps its maximum well inside Runware’s 30 days', () => {
    expect(UPLOAD_CACHE_MAX_AGE_MS).toBeLessThanOrEqual(15 * DAY)
  })

  it('round-trips through storage: a new launch finds what the last one uploaded', () => {
    const first = setup()
    first.cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    first.cache.remember(ACCOUNT, 'hash-b', 'uuid-b')
    const stored = JSON.parse(JSON.stringify(first.saved.at(-1))) as unknown
    const second = createPersistentUploadCache({ now: first.now, save: () => undefined, initial: stored })
    expect(second.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    expect(second.lookup(ACCOUNT, 'hash-b')).toBe('uuid-b')
  })

  it('never stores the API key, only a hash of the account', () => {
    const { cache, saved } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    expect(JSON.stringify(saved)).not.toContain('rw-key-123')
  })

  it('drops expired and malformed entries when loading', () => {
    const { cache: source, saved, advance, now } = setup()
    source.remember(ACCOUNT, 'hash-old', 'uuid-old')
    advance(8 * DAY)
    const initial = [...saved.at(-1)!, { hash: 'no-account' }, 'junk', null]
    const cache = createPersistentUploadCache({ now, save: () => undefined, initial })
    expect(cache.size).toBe(0)
  })

  it('is bounded: the least recently used entry goes first', () => {
    const { cache } = setup({ maxEntries: 2 })
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    cache.remember(ACCOUNT, 'hash-b', 'uuid-b')
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    cache.remember(ACCOUNT, 'hash-c', 'uuid-c')
    expect(cache.size).toBe(2)
    expect(cache.lookup(ACCOUNT, 'hash-b')).toBeUndefined()
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBe('uuid-a')
    expect(cache.lookup(ACCOUNT, 'hash-c')).toBe('uuid-c')
  })

  it('forgets one entry on request, e.g. a UUID Runware no longer knows', () => {
    const { cache, saved } = setup()
    cache.remember(ACCOUNT, 'hash-a', 'uuid-a')
    cache.forget(ACCOUNT, 'hash-a')
    expect(cache.lookup(ACCOUNT, 'hash-a')).toBeUndefined()
    expect(saved.at(-1)).toEqual([])
  })
})
