// The browser tests run the built plugin, as Figma would: dist/ must exist.
import { existsSync } from 'node:fs'
import { join } from 'node:path'

import { findProjectRoot } from '../../host/project-root'

export function requireDist(): void {
  const dist = join(findProjectRoot(), 'dist')
  const missing = ['code.js', 'ui.html'].filter((file) => !existsSync(join(dist, file)))
  if (missing.length > 0) {
    throw new Error(`dist/${missing.join(' and dist/')} not found: run npm run build first (npm test does it for you)`)
  }
}
