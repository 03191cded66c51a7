// figma.clientStorage: per-plugin key/value storage on the user's machine.
// getAsync resolves undefined for a missing key; setAsync rejects on
// failure; the budget is 5 MB per plugin, counted as key + JSON(value) with Uint8Array
// counting its raw bytes. Values are stored as copies and handed out as fresh copies, so
// mutating what was stored or read changes nothing, as with Figma's serialised storage.
import { cloneValue, STORAGE_RULES } from './structured-clone'
import { utf8Length } from './plugin-data'
import type { FakeContext } from './context'

// "5 MB" counted as 5,000,000 bytes: the stricter reading, so data accepted here also fits
// in Figma.
export const CLIENT_STORAGE_LIMIT = 5_000_000

export class ClientStorage implements ClientStorageAPI {
  readonly _entries = new Map<string, { value: unknown; bytes: number }>()

  constructor(readonly _ctx: FakeContext) {}

  async getAsync(key: string): Promise<unknown> {
    requireKey('getAsync', key)
    const entry = this._entries.get(key)
    return entry ? cloneValue(entry.value, STORAGE_RULES) : undefined
  }

  async setAsync(key: string, value: unknown): Promise<void> {
    this._put(key, value)
  }

  async deleteAsync(key: string): Promise<void> {
    requireKey('deleteAsync', key)
    this._entries.delete(key)
  }

  async keysAsync(): Promise<string[]> {
    return [...this._entries.keys()]
  }

  _put(key: string, value: unknown): void {
    requireKey('setAsync', key)
    const copy = cloneValue(value, STORAGE_RULES)
    const bytes = entrySize(key, copy)
    const total = this._bytes() - (this._entries.get(key)?.bytes ?? 0) + bytes
    if (total > CLIENT_STORAGE_LIMIT) {
      throw new Error(`figma.clientStorage.setAsync: storage limit of 5 MB exceeded (${total} bytes needed, key "${key}")`)
    }
    this._entries.set(key, { value: copy, bytes })
  }

  _bytes(): number {
    let total = 0
    for (const entry of this._entries.values()) total += entry.bytes
    return total
  }
}

export function entrySize(key: string, value: unknown): number {
  let rawBytes = 0
  const json = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      rawBytes += v.length
      return 0
    }
    return v
  })
  return utf8Length(key) + (json === undefined ? 0 : utf8Length(json)) + rawBytes
}

function requireKey(call: string, key: unknown): void {
  if (typeof key !== 'string') throw new TypeError(`figma.clientStorage.${call}: key must be a string`)
}
