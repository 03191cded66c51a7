// Plugin data, shared plugin data and relaunch data of one node.
// Values are strings; '' deletes the
// entry; a missing key reads as ''; one entry (pluginId + key + value, or namespace + key +
// value for shared data) may not exceed 100 kB; a shared namespace has at least 3
// alphanumeric characters. setRelaunchData replaces everything, {} clears, a
// description over 1000 characters throws.

// "100 kB" counted as 100,000 UTF-8 bytes: the stricter reading, so data that fits here also
// fits in Figma whichever way Figma counts.
export const PLUGIN_DATA_ENTRY_LIMIT = 100_000
export const RELAUNCH_DESCRIPTION_LIMIT = 1000

const encoder = new TextEncoder()

export function utf8Length(text: string): number {
  return encoder.encode(text).length
}

export class PluginDataStore {
  private readonly own = new Map<string, string>()
  private readonly shared = new Map<string, Map<string, string>>()
  private relaunch: Record<string, string> = {}

  constructor(private readonly pluginId: string) {}

  get(key: string): string {
    requireString('getPluginData', 'key', key)
    return this.own.get(key) ?? ''
  }

  set(key: string, value: string): void {
    requireString('setPluginData', 'key', key)
    requireString('setPluginData', 'value', value)
    write('setPluginData', this.own, key, value, utf8Length(this.pluginId + key + value))
  }

  keys(): string[] {
    return [...this.own.keys()]
  }

  getShared(namespace: string, key: string): string {
    requireNamespace('getSharedPluginData', namespace)
    requireString('getSharedPluginData', 'key', key)
    return this.shared.get(namespace)?.get(key) ?? ''
  }

  setShared(namespace: string, key: string, value: string): void {
    requireNamespace('setSharedPluginData', namespace)
    requireString('setSharedPluginData', 'key', key)
    requireString('setSharedPluginData', 'value', value)
    let entries = this.shared.get(namespace)
    if (!entries) this.shared.set(namespace, (entries = new Map()))
    write('setSharedPluginData', entries, key, value, utf8Length(namespace + key + value))
  }

  sharedKeys(namespace: string): string[] {
    requireNamespace('getSharedPluginDataKeys', namespace)
    return [...(this.shared.get(namespace)?.keys() ?? [])]
  }

  setRelaunch(data: unknown): void {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new TypeError('in setRelaunchData: Expected an object of { [command]: description }')
    }
    const next: Record<string, string> = {}
    for (const [command, description] of Object.entries(data)) {
      if (typeof description !== 'string') throw new TypeError(`in setRelaunchData: description of "${command}" must be a string`)
      if (description.length > RELAUNCH_DESCRIPTION_LIMIT) {
        throw new Error(`in setRelaunchData: description of "${command}" exceeds ${RELAUNCH_DESCRIPTION_LIMIT} characters (${description.length})`)
      }
      next[command] = description
    }
    this.relaunch = next
  }

  getRelaunch(): Record<string, string> {
    return { ...this.relaunch }
  }
}

function write(call: string, entries: Map<string, string>, key: string, value: string, entryBytes: number): void {
  if (value === '') {
    entries.delete(key)
    return
  }
  if (entryBytes > PLUGIN_DATA_ENTRY_LIMIT) {
    throw new Error(`in ${call}: Total entry size cannot exceed 100 kB (this entry is ${entryBytes} bytes)`)
  }
  entries.set(key, value)
}

function requireString(call: string, name: string, value: unknown): void {
  if (typeof value !== 'string') throw new TypeError(`in ${call}: Expected "${name}" to be a string, got ${typeof value}`)
}

function requireNamespace(call: string, namespace: unknown): void {
  if (typeof namespace !== 'string' || !/^[A-Za-z0-9]{3,}$/.test(namespace)) {
    throw new Error(`in ${call}: namespace must be at least 3 alphanumeric characters, got ${JSON.stringify(namespace)}`)
  }
}
