// A designer's long session: many runs of 4 results in one plugin window, never relaunched,
// every result placed on the same page, so the canvas and History grow as they would. Timed in
// the bench's own Chromium with no DevTools client watching the network (cdp-browser.ts), as
// the run time is: the end of the session is compared with its start, and the UI's heap after
// the last run with the heap after the first.
import type { CdpTarget } from './cdp-browser'
import { cpuSpent, totalOf } from './process-cpu'
import { startProfile } from './profile-summary'
import { openQuietPlugin } from './quiet-plugin'
import { clickToLastPlaced, type RunTimeSetup } from './run-time'
import { heapAfterGc, type HeapReading } from './ui-heap'

/** Timed runs in the session; the page holds WARM_UP_RUNS + SESSION_RUNS runs' results at the end. */
export const SESSION_RUNS = 30
/** Untimed runs first, as for the run time: the references go up once, the code warms up. */
export const WARM_UP_RUNS = 2
/**
 * Between the frames' pixels reaching the UI and the click. Shorter than the run time's second
 * (run-time.ts), for thirty runs to fit the bench's time limit: the bench waits for History's
 * thumbnails and the selection's pixels itself, so only the browser's drawing is left to finish.
 */
const PAUSE_MS = 500
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS))

/** What the run time is measured with (run-time.ts): the same emulator, host, browser and form. */
export type SessionSetup = RunTimeSetup

export interface SessionRun {
  /** Generate click to the last result placed. */
  ms: number
  /** The longest task the host page (where the sandbox runs) attributed to itself in the run; 0 when none. */
  hostLongestMs: number
  /** Main-thread time of the host page (the sandbox, the fake, the host's canvas) over the run, from Chromium's own counters. */
  hostBusyMs: number
  /** The same for the plugin's UI iframe. */
  uiBusyMs: number
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

/** Seconds a frame's main thread has spent running tasks, so far (Performance.getMetrics). */
async function busySeconds(target: CdpTarget): Promise<number> {
  const { metrics } = await target.send<{ metrics: Array<{ name: string; value: number }> }>('Performance.getMetrics')
  const task = metrics.find((m) => m.name === 'TaskDuration')
  if (!task) throw new Error('Chromium reported no TaskDuration metric')
  return task.value
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
    await quiet.page.send('Performance.enable')
    await quiet.ui.send('Performance.enable')

    const runs: SessionRun[] = []
    for (let run = 0; run < SESSION_RUNS; run++) {
      // A run ends by selecting its results: the frames are selected again, as a designer
      // iterating on them would, once History has made the previous run's thumbnails.
      await quiet.historySettled()
      await quiet.select(ids)
      await pause()
      const tasksBefore = await quiet.page.evaluate<number>('window.__bench.longTasks.length')
      const profiled = process.env.BENCH_SESSION_PROFILE === '1' && (run === 2 || run === SESSION_RUNS - 1)
      const stops = profiled ? [await startProfile(quiet.page), await startProfile(quiet.ui)] : []
      const busyBefore = { host: await busySeconds(quiet.page), ui: await busySeconds(quiet.ui) }
      const cpuBefore = quiet.cpu()
      const { probe, placedBefore } = await quiet.generate(form)
      const cpuAfter = quiet.cpu()
      const busyAfter = { host: await busySeconds(quiet.page), ui: await busySeconds(quiet.ui) }
      if (profiled) stage(`run ${run + 1} profile, host page:\n${await stops[0]!()}\n UI iframe:\n${await stops[1]!()}`)
      const ms = clickToLastPlaced(probe, placedBefore, form.count)
      const clicked = probe.generateClicks.at(-1)!
      const tasks = await quiet.page.evaluate<LongTask[]>(`window.__bench.longTasks.slice(${tasksBefore})`)
      const own = tasks.filter((t) => t.name === 'self' && t.start >= clicked && t.start <= clicked + ms)
      runs.push({
        ms,
        hostLongestMs: Math.max(0, ...own.map((t) => t.duration)),
        hostBusyMs: (busyAfter.host - busyBefore.host) * 1000,
        uiBusyMs: (busyAfter.ui - busyBefore.ui) * 1000,
        browserCpuMs: cpuBefore && cpuAfter ? totalOf(cpuSpent(cpuBefore, cpuAfter)) : null,
      })
    }
    await quiet.historySettled()
    const after = await heaps()
    stage(`session runs ${runs.map((r) => Math.round(r.ms)).join(', ')} ms`)
    const each = (pick: (run: SessionRun) => number) => runs.map((r) => Math.round(pick(r))).join(', ')
    stage(`main thread per run: host page ${each((r) => r.hostBusyMs)} ms; UI iframe ${each((r) => r.uiBusyMs)} ms`)
    stage(`host page's longest task per run ${runs.map((r) => Math.round(r.hostLongestMs)).join(', ')} ms`)
    if (runs.every((r) => r.browserCpuMs !== null)) stage(`browser CPU per run ${runs.map((r) => Math.round(r.browserCpuMs!)).join(', ')} ms`)
    return { runs, uiHeap: { before: before.ui, after: after.ui }, hostHeap: { before: before.host, after: after.host } }
  } finally {
    await quiet.close()
  }
}
