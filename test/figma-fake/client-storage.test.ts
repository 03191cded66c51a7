import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'
import { CLIENT_STORAGE_LIMIT, entrySize } from './client-storage'

describe('figma.clientStorage', () => {
  it('resolves undefined for a missing key and stores plain values and bytes', async () => {
    const { figma } = createFigmaFake()
    expect(await figma.clientStorage.getAsync('apiKey')).toBeUndefined()
    await figma.clientStorage.setAsync('settings', { size: '1024x1024', count: 4, tags: ['a'], nothing: null })
    await figma.clientStorage.setAsync('bytes', new Uint8Array([1, 2, 3]))
    expect(await figma.clientStorage.getAsync('settings')).toEqual({ size: '1024x1024', count: 4, tags: ['a'], nothing: null })
    expect(await figma.clientStorage.getAsync('bytes')).toEqual(new Uint8Array([1, 2, 3]))
    expect(await figma.clientStorage.keysAsync()).toEqual(['settings', 'bytes'])
    await figma.clientStorage.deleteAsync('settings')
    await figma.clientStorage.deleteAsync('never-there')
    expect(await figma.clientStorage.keysAsync()).toEqual(['bytes'])
  })

  it('stores and returns copies, never the caller\'s objects', async () => {
    const { figma } = createFigmaFake()
    const value = { list: [1] }
    await figma.clientStorage.setAsync('k', value)
    value.list.push(2)
    const read = await figma.clientStorage.getAsync('k')
    expect(read).toEqual({ list: [1] })
    read.list.push(3)
    expect(await figma.clientStorage.getAsync('k')).toEqual({ list: [1] })
  })

  it('rejects values it cannot store', async () => {
    const { figma } = createFigmaFake()
    await expect(figma.clientStorage.setAsync('k', new ArrayBuffer(4))).rejects.toThrow(/ArrayBuffer/)
    await expect(figma.clientStorage.setAsync('k', { f: () => 1 })).rejects.toThrow(/function/)
    await expect(figma.clientStorage.setAsync('k', new Date())).rejects.toThrow(/Date/)
  })

  it('rejects a write that would take the total past 5 MB, counting key + JSON and raw bytes', async () => {
    const fake = createFigmaFake()
    const storage = fake.figma.clientStorage
    expect(entrySize('ab', { x: 'yz' })).toBe(2 + '{"x":"yz"}'.length)
    expect(entrySize('b', new Uint8Array(1000))).toBe(1 + 1 + 1000)
    await storage.setAsync('big', new Uint8Array(CLIENT_STORAGE_LIMIT - 100))
    expect(fake.storageBytes()).toBe(3 + 1 + CLIENT_STORAGE_LIMIT - 100)
    await expect(storage.setAsync('more', 'x'.repeat(200))).rejects.toThrow(/5 MB/)
    await storage.setAsync('more', 'x'.repeat(50))
    // Replacing an entry counts only its new size.
    await storage.setAsync('big', new Uint8Array(10))
    await storage.setAsync('more', 'x'.repeat(1_000_000))
    expect(await storage.keysAsync()).toEqual(['big', 'more'])
  })

  it('can start with stored entries', async () => {
    const fake = createFigmaFake({ clientStorage: { apiKey: 'secret' } })
    expect(await fake.figma.clientStorage.getAsync('apiKey')).toBe('secret')
    expect(fake.storageBytes()).toBe('apiKey'.length + '"secret"'.length)
  })
})
