// Types for test-summary.mjs, which node runs as plain JavaScript.
export interface VitestReport {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
  testResults: { name: string; status: string; assertionResults: { status: string }[] }[]
}
export interface TestSummary {
  passed: number
  failed: number
  skipped: number
  brokenFiles: string[]
}
export function summarise(report: VitestReport): TestSummary
export function closingLine(summary: Pick<TestSummary, 'passed' | 'failed' | 'skipped'>): string
