import { describe, expect, it } from 'vitest'

import { MAX_STORED_UPLOADS, type StoredUpload } from '../../src/common/stored-uploads'
import { readySandbox } from './harness'
import { UPLOAD_CACHE_STORAGE_KEY } from '../../src/common/storage-keys'

// The sandbox keeps the UI's upload cache in clientStorage: handed over in `init`, written
// on `save-uploads`, under a versioned key.

const entry = (n: number): StoredUpload => ({ account: 'a'.repeat(32), hash: `hash-${n}`, imageUUID: `uuid-${n}`, usedAt: 1_000 + n })

describe('upload cache in clientStorage', () => {
  it('sends the stored entries in init, dropping malformed ones', async () => {
    const sandbox = await readySandbox({ clientStorage: { [UPLOAD_CACHE_STORAGE_KEY]: [entry(1), { hash: 'no-uuid' }, entry(2), 'junk'] } })
    expect(sandbox.of('init')[0]!.uploads).toEqual([entry(1), entry(2)])
  })

  it('sends an empty list when nothing was stored', async () => {
    const sandbox = await readySandbox()
    expect(sandbox.of('init')[0]!.uploads).toEqual([])
  })

  it('saves what the UI sends and empties the key for an empty list', async () => {
    const sandbox = await readySandbox()
    sandbox.send({ type: 'save-uploads', entries: [entry(1), entry(2)] })
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.getAsync(UPLOAD_CACHE_STORAGE_KEY)).toEqual([entry(1), entry(2)])
    sandbox.send({ type: 'save-uploads', entries: [] })
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.keysAsync()).not.toContain(UPLOAD_CACHE_STORAGE_KEY)
  })

  it('refuses an oversized or malformed save whole, keeping what was stored', async () => {
    const sandbox = await readySandbox({ clientStorage: { [UPLOAD_CACHE_STORAGE_KEY]: [entry(1)] } })
    const tooMany = Array.from({ length: MAX_STORED_UPLOADS + 1 }, (_, n) => entry(n))
    sandbox.send({ type: 'save-uploads', entries: tooMany })
    sandbox.send({ type: 'save-uploads', entries: [{ ...entry(2), usedAt: 'yesterday' }] } as Record<string, unknown>)
    await sandbox.settle()
    expect(await sandbox.figma.clientStorage.getAsync(UPLOAD_CACHE_STORAGE_KEY)).toEqual([entry(1)])
  })
})
