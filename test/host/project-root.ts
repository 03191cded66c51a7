import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// The server runs both from test/host/server.ts (vitest) and bundled as
// dist/tools/server.mjs (npm start), so it finds the project by walking up to the
// folder that holds manifest.json rather than by a fixed relative path.
export function findProjectRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from
  for (;;) {
    if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'package.json'))) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`no manifest.json above ${from}`)
    dir = parent
  }
}
