// One Chromium per test file, Debian's own (no browser is ever downloaded),
// driven through playwright-core. A missing browser fails the suite with how to install it;
// the browser tests are never skipped.
import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

// The path logic lives in scripts/ensure-chromium.mjs; imported by a computed specifier so
// TypeScript does not look for declarations of that plain JS module.
async function chromiumPath(): Promise<string> {
  const specifier: string = '../../../scripts/ensure-chromium.mjs'
  const module = (await import(specifier)) as { CHROMIUM_PATH: string }
  return module.CHROMIUM_PATH
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromiumPath()
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium is needed for the browser tests and was not found at ${executablePath}.\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core\n' +
        '(or run node scripts/ensure-chromium.mjs as root), or set CHROMIUM_PATH to an existing Chromium.',
    )
  }
  return chromium.launch({
    executablePath,
    timeout: 20_000,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
