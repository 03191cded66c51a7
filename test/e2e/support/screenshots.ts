// Screenshots of the key moments, for people to look at (screenshots/ is git-ignored).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

import { findProjectRoot } from '../../host/project-root'

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(findProjectRoot(), 'screenshots')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path, timeout: 10_000 })
  return path
}
