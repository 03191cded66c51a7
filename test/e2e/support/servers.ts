// Each test file starts its own Runware emulator and Figma host on free loopback ports, and
// closes them when done.
import { startEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index'
import { startHost, type Host } from '../../host/server'
import { requireDist } from './dist'

export interface Servers {
  emulator: Emulator
  host: Host
  /** The host page's URL for these query parameters. */
  url(params?: Record<string, string | number | boolean | undefined>): string
  close(): Promise<void>
}

export async function startServers(emulatorOptions: EmulatorOptions = {}): Promise<Servers> {
  requireDist()
  const [emulator, host] = await Promise.all([startEmulator(emulatorOptions), startHost()])
  return {
    emulator,
    host,
    url(params = {}) {
      const url = new URL(host.url)
      for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, String(value))
      return url.href
    },
    close: async () => {
      await Promise.all([emulator.close(), host.close()])
    },
  }
}
