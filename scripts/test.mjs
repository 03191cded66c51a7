// `npm test`: everything a fresh clone needs to prove itself, in order: Chromium present,
// types, lint, build (the browser tests load dist/), then every vitest suite. It ends with a
// plain "N passed, N failed" line so a reader (or CI) sees the count at a glance.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

import { ensureChromium } from './ensure-chromium.mjs'
import { closingLine, summarise } from './test-summary.mjs'

function step(name, command, args) {
  console.log(`\n▶ ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${name} failed`)
    process.exit(result.status ?? 1)
  }
}

ensureChromium()
step('typecheck', 'npm', ['run', '--silent', 'typecheck'])
step('lint', 'npm', ['run', '--silent', 'lint'])
step('build', 'npm', ['run', '--silent', 'build'])

mkdirSync('test-results', { recursive: true })
const report = 'test-results/vitest.json'
// An earlier run's report must never be read as this run's.
rmSync(report, { force: true })
console.log('\n▶ tests')
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
})

let line
let failed = run.status !== 0
try {
  const summary = summarise(JSON.parse(readFileSync(report, 'utf8')))
  for (const file of summary.brokenFiles) console.error(`✖ ${file} failed outside its tests (it counts as one failed test)`)
  if (summary.passed + summary.failed === 0) {
    console.error('No test ran.')
    failed = true
  }
  failed ||= summary.failed > 0
  line = closingLine(summary)
} catch {
  console.error('vitest wrote no report for this run.')
  line = closingLine({ passed: 0, failed: 1, skipped: 0 })
  failed = true
}
console.log(`\nTests: ${line}`)
process.exit(failed ? (run.status || 1) : 0)
