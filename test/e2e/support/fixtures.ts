// One browser and one emulator + host per test file, started on first use and closed after
// the file. Started from beforeEach rather than beforeAll on purpose: when Chromium or dist/
// is missing, every test fails with the reason (a failing beforeAll would mark them skipped,
// and the browser tests must never be skipped).
import type { Browser } from 'playwright-core'
import { afterAll, beforeEach } from 'vitest'

import type { EmulatorOptions } from '../../emulator/index'
import { launchChromium } from './chromium'
import { startServers, type Servers } from './servers'

export interface E2eFixtures {
  browser: Browser
  servers: Servers
}

/** Call at the top of a test file; the returned object is filled before each test. */
export function useE2eFixtures(emulatorOptions: EmulatorOptions = {}): E2eFixtures {
  let servers: Promise<Servers> | undefined
  let browser: Promise<Browser> | undefined
  const current = {} as E2eFixtures

  beforeEach(async () => {
    servers ??= startServers(emulatorOptions)
    browser ??= launchChromium()
    current.servers = await servers
    current.browser = await browser
  }, 30_000)

  afterAll(async () => {
    await (await browser?.catch(() => undefined))?.close()
    await (await servers?.catch(() => undefined))?.close()
  })

  return current
}
