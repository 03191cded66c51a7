// The closing count of `npm test`, read from vitest's JSON report. A test file that fails
// before or around its tests (an import that does not resolve, a throwing hook) has no
// failed test of its own, yet the run failed: it counts as one failed test, so the line
// never reads "0 failed" for a red run.

/** @param {import('./test-summary.d.mts').VitestReport} report */
export function summarise(report) {
  const brokenFiles = report.testResults
    .filter((file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'))
    .map((file) => file.name)
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles.length,
    skipped: report.numPendingTests + report.numTodoTests,
    brokenFiles,
  }
}

/** The plain closing line: "N passed, N failed" (", N skipped" when any were). */
export function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}
