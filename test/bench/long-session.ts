// A designer's long session: many runs of 4 results in one plugin window, never relaunched,
// every result placed on the same page, so the canvas and History grow as they would. Timed in
// the bench's own Chromium with no DevTools client watching the network (cdp-browser.ts), as
// the run time is: the end of the session is compared with its start, and the UI's heap after
// the last run with the heap after the first.
import type { EmulatorProcess } from './emulator-process'
import { cpuSpent, totalOf } from './process-cpu'
import { openQuietPlugin } from './quiet-plugin'
import { clickToLastPlaced } from './run-time'
import { median } from './table'
import { heapAfterGc, type HeapReading } from './ui-heap'

/** Timed runs in the session; the page holds WARM_UP_RUNS + SESSION_RUNS runs' results at the end. */
export const SESSION_RUNS = 30
/**
 * Runs at each end of the session whose median stands for it: on two shared cores one run in
 * six or seven takes twice as long as its neighbours, and a median of five outlasts two of them.
 */
export const END_RUNS = 5
/** Untimed runs first, as for the run time: the references go up once, the code warms up. */
export const WARM_UP_RUNS = 2
/**
 * Between the frames' pixels reaching the UI and the click. Shorter than the run time's second
 * (run-time.ts), for thirty runs to fit the bench's time limit: the bench waits for History's
 * thumbnails and the selection's pixels itself, so only the browser's drawing is left to finish.
 */
const PAUSE_MS = 500
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS))

export interface SessionSetup {
  emulator: EmulatorProcess
  hostUrl: string
  chromium: { executable: string; args: string[] }
  images: Buffer[]
  form: { prompt: string; width: number; height: number; count: number }
  stage(what: string): void
}

export interface SessionRun {
  /** Generate click to the last result placed. */
  ms: number
  /** The longest task the host page (where the sandbox runs) attributed to itself in the run; 0 when none. */
  hostLongestMs: number
  /** CPU of all the browser's processes from filling the form to the run's end; null without /proc. */
  browserCpuMs: number | null
}

export interface LongSession {
  runs: SessionRun[]
  /** The UI iframe's heap after forced GC, once History recorded the last warm-up run / the last run. */
  uiHeap: { before: HeapReading; after: HeapReading }
  /** The host page's heap the same way: the fake's document and images, the host's canvas, the sandbox. */
  hostHeap: { before: HeapReading; after: HeapReading }
}

/** The median of the first and of the last `END_RUNS` values. */
export function sessionEnds(values: number[]): { first: number; last: number } {
  if (values.length < 2 * END_RUNS) throw new Error(`a session needs at least ${2 * END_RUNS} runs, got ${values.length}`)
  return { first: median(values.slice(0, END_RUNS)), last: median(values.slice(-END_RUNS)) }
}

/**
 * How much each run adds to the next, as the median of the slopes between every pair of runs
 * (Theil–Sen): a few runs slowed by the machine's other work do not tilt it, as they would a
 * least-squares line.
 */
export function slopePerRun(values: number[]): number {
  const slopes: number[] = []
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) slopes.push((values[j]! - values[i]!) / (j - i))
  return slopes.length === 0 ? 0 : median(slopes)
}

interface LongTask {
  start: number
  duration: number
  name: string
}

export async function measureLongSession(setup: SessionSetup): Promise<LongSession> {
  const { emulator, form, stage } = setup
  await emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
  const quiet = await openQuietPlugin(setup.chromium.executable, setup.chromium.args, setup.hostUrl, emulator.url, emulator.apiKey)
  try {
    const ids = await quiet.addPhotoFrames(setup.images)
    const heaps = async () => ({ ui: await heapAfterGc((method) => quiet.ui.send(method)), host: await heapAfterGc((method) => quiet.page.send(method)) })
    for (let run = 0; run < WARM_UP_RUNS; run++) {
      await quiet.select(ids)
      await quiet.generate(form)
    }
    await quiet.historySettled()
    const before = await heaps()

    const runs: SessionRun[] = []
    for (let run = 0; run < SESSION_RUNS; run++) {
      // A run ends by selecting its results: the frames are selected again, as a designer
      // iterating on them would, once History has made the previous run's thumbnails.
      await quiet.historySettled()
      await quiet.select(ids)
      await pause()
      const tasksBefore = await quiet.page.evaluate<number>('window.__bench.longTasks.length')
      const cpuBefore = quiet.cpu()
      const { probe, placedBefore } = await quiet.generate(form)
      const cpuAfter = quiet.cpu()
      const ms = clickToLastPlaced(probe, placedBefore, form.count)
      const clicked = probe.generateClicks.at(-1)!
      const tasks = await quiet.page.evaluate<LongTask[]>(`window.__bench.longTasks.slice(${tasksBefore})`)
      const own = tasks.filter((t) => t.name === 'self' && t.start >= clicked && t.start <= clicked + ms)
      runs.push({
        ms,
        hostLongestMs: Math.max(0, ...own.map((t) => t.duration)),
        browserCpuMs: cpuBefore && cpuAfter ? totalOf(cpuSpent(cpuBefore, cpuAfter)) : null,
      })
    }
    await quiet.historySettled()
    const after = await heaps()
    stage(`session runs ${runs.map((r) => Math.round(r.ms)).join(', ')} ms`)
    stage(`host page's longest task per run ${runs.map((r) => Math.round(r.hostLongestMs)).join(', ')} ms`)
    if (runs.every((r) => r.browserCpuMs !== null)) stage(`browser CPU per run ${runs.map((r) => Math.round(r.browserCpuMs!)).join(', ')} ms`)
    return { runs, uiHeap: { before: before.ui, after: after.ui }, hostHeap: { before: before.host, after: after.host } }
  } finally {
    await quiet.close()
  }
}
