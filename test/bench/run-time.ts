// The plugin's overhead per run: the time from the Generate click to the last result placed,
// against the same task sent as a bare Node request to the same emulator. The plugin is timed
// in the bench's own Chromium with no DevTools client watching its network (cdp-browser.ts
// says why), before Playwright's browser is started, so nothing else runs beside it.
import WebSocket from 'ws'

import type { EmulatorProcess } from './emulator-process'
import { cpuSpent, totalOf, type ChromiumCpu, type ChromiumPart } from './process-cpu'
import { openQuietPlugin, type QuietPlugin } from './quiet-plugin'
import { median } from './table'
import { timedRequest, type SocketConstructor } from './timed-request'

/** Rounds of each side, each side's median taken: a single run on two cores swings by a third. */
const TIMED_RUNS = 5
/** Untimed runs first in the new browser: its references go up once, and its code warms up. */
const WARM_UP_RUNS = 2
/** After a run the browser still draws its results and makes History's thumbnails; after a
 * selection it still encodes and hands over the frames' pixels. */
const SETTLE_MS = 1000

export const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS))

export interface RunTimeSetup {
  emulator: EmulatorProcess
  hostUrl: string
  chromium: { executable: string; args: string[] }
  images: Buffer[]
  form: { prompt: string; width: number; height: number; count: number }
  stage(what: string): void
}

export interface RunTimes {
  plugin: number
  bare: number
  page: number
  emulatorCpu: { plugin: number; bare: number }
  /** Medians of the browser's processes' CPU, all kinds together; null without /proc. */
  browserCpu: { plugin: number; bare: number } | null
}

/** What the browser's processes spend while `work` runs; null without /proc. */
async function browserCpuOf<T>(quiet: QuietPlugin, work: () => Promise<T>): Promise<{ value: T; cpu: ChromiumCpu | null }> {
  const before = quiet.cpu()
  const value = await work()
  const after = quiet.cpu()
  return { value, cpu: before && after ? cpuSpent(before, after) : null }
}

/** "270 ms (renderers 150, gpu 40, …)": medians over the runs, each part on its own. */
function describeCpu(samples: ChromiumCpu[]): string {
  const parts = Object.keys(samples[0]!) as ChromiumPart[]
  const each = parts.map((part) => `${part} ${Math.round(median(samples.map((cpu) => cpu[part])))}`)
  return `${Math.round(median(samples.map(totalOf)))} ms (${each.join(', ')})`
}

export function clickToLastPlaced(probe: { placed: number[]; generateClicks: number[] }, placedBefore: number, count: number): number {
  if (probe.placed.length - placedBefore !== count) throw new Error(`a timed run placed ${probe.placed.length - placedBefore} results, not ${count}`)
  return probe.placed.at(-1)! - probe.generateClicks.at(-1)!
}

/** Medians of TIMED_RUNS rounds of: a plugin run, the bare request, the same from a page. */
export async function measureRunTime(setup: RunTimeSetup): Promise<RunTimes> {
  const { emulator, form, stage } = setup
  await emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
  const quiet = await openQuietPlugin(setup.chromium.executable, setup.chromium.args, setup.hostUrl, emulator.url, emulator.apiKey)
  try {
    const quietIds = await quiet.addPhotoFrames(setup.images)
    for (let run = 0; run < WARM_UP_RUNS; run++) {
      await quiet.select(quietIds)
      await quiet.generate(form)
    }

    const times = { plugin: [] as number[], bare: [] as number[], page: [] as number[] }
    const emulatorCpu = { plugin: [] as number[], bare: [] as number[] }
    const browserCpu = { plugin: [] as ChromiumCpu[], bare: [] as ChromiumCpu[] }
    // In turn, one of each per round, so a change in the machine's load over the minute this
    // takes weighs on every side alike; each starts on a settled machine (SETTLE_MS). For the
    // plugin that is after the selection too: selecting exports three 1920×1080 frames and
    // sends them to the UI, work a designer's click never lands in the middle of.
    for (let run = 0; run < TIMED_RUNS; run++) {
      await settle()
      await quiet.select(quietIds)
      await settle()
      let usage = await emulator.usage()
      const pluginRun = await browserCpuOf(quiet, () => quiet.generate(form))
      const { probe, placedBefore } = pluginRun.value
      emulatorCpu.plugin.push((await emulator.usage()).cpuMs - usage.cpuMs)
      if (pluginRun.cpu) browserCpu.plugin.push(pluginRun.cpu)
      times.plugin.push(clickToLastPlaced(probe, placedBefore, form.count))

      // the very task the plugin sent, under a fresh taskUUID
      const { taskUUID: _unused, ...task } = (await emulator.lastInference()).task
      const request = { wsUrl: emulator.wsUrl, apiKey: emulator.apiKey, task }
      await settle()
      usage = await emulator.usage()
      const bareRun = await browserCpuOf(quiet, () => timedRequest(request, WebSocket as unknown as SocketConstructor))
      times.bare.push(bareRun.value)
      emulatorCpu.bare.push((await emulator.usage()).cpuMs - usage.cpuMs)
      if (bareRun.cpu) browserCpu.bare.push(bareRun.cpu)
      await settle()
      times.page.push(await quiet.page.evaluate<number>(`(${timedRequest.toString()})(${JSON.stringify(request)})`))
    }
    const round = (values: number[]) => values.map(Math.round).join(', ')
    stage(`plugin runs ${round(times.plugin)} ms; bare ${round(times.bare)} ms; from a page ${round(times.page)} ms`)
    stage(`emulator CPU per run: plugin ${round(emulatorCpu.plugin)} ms; bare ${round(emulatorCpu.bare)} ms`)
    // From the form's filling to the run's end, so a little more than the timed span; during
    // the bare request the browser only idles (the host's canvas checks for changes).
    const cpuRead = browserCpu.plugin.length > 0 && browserCpu.bare.length > 0
    if (cpuRead) {
      stage(`browser CPU per plugin run: ${describeCpu(browserCpu.plugin)}; during a bare request: ${describeCpu(browserCpu.bare)}`)
    }
    return {
      plugin: median(times.plugin),
      bare: median(times.bare),
      page: median(times.page),
      emulatorCpu: { plugin: median(emulatorCpu.plugin), bare: median(emulatorCpu.bare) },
      browserCpu: cpuRead
        ? { plugin: median(browserCpu.plugin.map(totalOf)), bare: median(browserCpu.bare.map(totalOf)) }
        : null,
    }
  } finally {
    await quiet.close()
  }
}
