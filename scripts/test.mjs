// `npm test`: everything a fresh clone needs to prove itself, in order: Chromium present,
// types, lint, build (the browser tests load dist/), then every vitest suite. It ends with a
// plain "N passed, N failed" line so a reader (or CI) sees the count at a glance.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

import { ensureChromium } from './ensure-chromium.mjs'

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
console.log('\n▶ tests')
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
})

let summary = ''
try {
  const json = JSON.parse(readFileSync(report, 'utf8'))
  const skipped = json.numPendingTests + json.numTodoTests
  summary = `${json.numPassedTests} passed, ${json.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`
  if (json.numTotalTests === 0) {
    console.error('No test ran.')
    process.exit(1)
  }
} catch {
  summary = `0 passed, 1 failed`
}
console.log(`\nTests: ${summary}`)
process.exit(run.status ?? 1)
