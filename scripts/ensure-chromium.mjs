// The browser tests drive Debian's Chromium through playwright-core; no browser is ever
// downloaded at install time. When it is missing, install it with apt as root (what
// Playwright's own `install --with-deps` would do), or stop at once saying how.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const hasApt = existsSync('/usr/bin/apt-get')
  if (!isRoot || !hasApt) {
    console.error(
      `Chromium is needed for the browser tests and was not found at ${CHROMIUM_PATH}.\n` +
        `Install it with:  sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core fonts-inter\n` +
        `or point CHROMIUM_PATH at an existing Chromium binary.`,
    )
    process.exit(1)
  }
  console.log(`Chromium not found at ${CHROMIUM_PATH}: installing Debian's chromium with apt-get…`)
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core', 'fonts-inter'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`apt-get finished but ${CHROMIUM_PATH} is still missing.`)
    process.exit(1)
  }
  return CHROMIUM_PATH
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium()
