// npm run bench: builds the plugin, bundles the bench (test/bench, TypeScript) with esbuild so no
// TypeScript runtime is needed, and runs it with a hard time limit. See docs/performance.md.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const LIMIT_MS = 5 * 60_000

const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
if (built.status !== 0) process.exit(built.status ?? 1)

const outfile = join(root, 'dist/tools/bench.mjs')
await build({
  // the emulator runs in a child process of its own (test/bench/emulator-child.ts)
  entryPoints: [
    { in: join(root, 'test/bench/main.ts'), out: 'bench' },
    { in: join(root, 'test/bench/emulator-child.ts'), out: 'bench-emulator' },
  ],
  outdir: join(root, 'dist/tools'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
})

const timer = setTimeout(() => {
  console.error(`bench: over ${LIMIT_MS / 60_000} minutes, giving up`)
  process.exit(2)
}, LIMIT_MS)
timer.unref()

const { runBench } = await import(pathToFileURL(outfile).href)
try {
  const ok = await runBench(root)
  process.exit(ok ? 0 : 1)
} catch (error) {
  console.error('bench failed:', error)
  process.exit(1)
}
