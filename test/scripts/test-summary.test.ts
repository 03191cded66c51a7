import { describe, expect, it } from 'vitest'

import { closingLine, summarise } from '../../scripts/test-summary.mjs'

// Shaped as vitest's JSON reporter writes it (only the fields the summary reads).
function report(files: { name: string; status: string; tests: string[] }[]) {
  const all = files.flatMap((file) => file.tests)
  return {
    numTotalTests: all.length,
    numPassedTests: all.filter((status) => status === 'passed').length,
    numFailedTests: all.filter((status) => status === 'failed').length,
    numPendingTests: all.filter((status) => status === 'skipped' || status === 'pending').length,
    numTodoTests: all.filter((status) => status === 'todo').length,
    testResults: files.map((file) => ({ name: file.name, status: file.status, assertionResults: file.tests.map((status) => ({ status })) })),
  }
}

describe('the closing count of npm test', () => {
  it('counts a test file that failed to load as a failed test', () => {
    const summary = summarise(
      report([
        { name: '/repo/test/broken.test.ts', status: 'failed', tests: [] },
        { name: '/repo/test/fine.test.ts', status: 'passed', tests: ['passed', 'passed'] },
      ]),
    )
    expect(summary).toEqual({ passed: 2, failed: 1, skipped: 0, brokenFiles: ['/repo/test/broken.test.ts'] })
    expect(closingLine(summary)).toBe('2 passed, 1 failed')
  })

  it('counts a file whose hook failed after passing tests', () => {
    const summary = summarise(report([{ name: '/repo/test/hook.test.ts', status: 'failed', tests: ['passed'] }]))
    expect(summary.failed).toBe(1)
  })

  it('does not count a file twice when its own tests failed', () => {
    const summary = summarise(report([{ name: '/repo/test/red.test.ts', status: 'failed', tests: ['failed', 'passed'] }]))
    expect(summary).toMatchObject({ passed: 1, failed: 1, brokenFiles: [] })
  })

  it('says skipped tests only when there are some', () => {
    expect(closingLine(summarise(report([{ name: 'a', status: 'passed', tests: ['passed', 'skipped', 'todo'] }])))).toBe(
      '1 passed, 0 failed, 2 skipped',
    )
  })
})
