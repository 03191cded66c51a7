// The bench's output: one row per figure, with the target and the baseline measured in the
// same run, and whether the target is met.

export interface Row {
  figure: string
  measured: string
  target: string
  baseline: string
  pass: boolean
}

export function formatTable(rows: Row[]): string {
  const header: Row = { figure: 'figure', measured: 'measured', target: 'target', baseline: 'baseline (same run)', pass: true }
  const cells = (row: Row, isHeader = false) => [row.figure, row.measured, row.target, row.baseline, isHeader ? 'result' : row.pass ? 'PASS' : 'FAIL']
  const all = [cells(header, true), ...rows.map((row) => cells(row))]
  const widths = all[0]!.map((_, i) => Math.max(...all.map((line) => line[i]!.length)))
  const line = (values: string[]) => `| ${values.map((v, i) => v.padEnd(widths[i]!)).join(' | ')} |`
  return [line(all[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n')
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`
export const ms = (value: number) => `${Math.round(value)} ms`

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
