// The plugin's overhead per run: the time from the Generate click to the last result placed,
// against the same task sent as a bare Node request to the same emulator. The plugin is timed
// in the bench's own Chromium with no DevTools client watching its network (cdp-browser.ts
// says why), before Playwright's browser is started, so nothing else runs beside it.
import WebSocket from 'ws'

import type { EmulatorProcess } from './emulator-process'
import { openQuietPlugin } from './quiet-plugin'
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
    // In turn, one of each per round, so a change in the machine's load over the minute this
    // takes weighs on every side alike; each starts on a settled machine (SETTLE_MS). For the
    // plugin that is after the selection too: selecting exports three 1920×1080 frames and
    // sends them to the UI, work a designer's click never lands in the middle of.
    for (let run = 0; run < TIMED_RUNS; run++) {
      await settle()
      await quiet.select(quietIds)
      await settle()
      let usage = await emulator.usage()
      const { probe, placedBefore } = await quiet.generate(form)
      emulatorCpu.plugin.push((await emulator.usage()).cpuMs - usage.cpuMs)
      times.plugin.push(clickToLastPlaced(probe, placedBefore, form.count))

      // the very task the plugin sent, under a fresh taskUUID
      const { taskUUID: _unused, ...task } = (await emulator.lastInference()).task
      const request = { wsUrl: emulator.wsUrl, apiKey: emulator.apiKey, task }
      await settle()
      usage = await emulator.usage()
      times.bare.push(await timedRequest(request, WebSocket as unknown as SocketConstructor))
      emulatorCpu.bare.push((await emulator.usage()).cpuMs - usage.cpuMs)
      await settle()
      times.page.push(await quiet.page.evaluate<number>(`(${timedRequest.toString()})(${JSON.stringify(request)})`))
    }
    const round = (values: number[]) => values.map(Math.round).join(', ')
    stage(`plugin runs ${round(times.plugin)} ms; bare ${round(times.bare)} ms; from a page ${round(times.page)} ms`)
    stage(`emulator CPU per run: plugin ${round(emulatorCpu.plugin)} ms; bare ${round(emulatorCpu.bare)} ms`)
    return {
      plugin: median(times.plugin),
      bare: median(times.bare),
      page: median(times.page),
      emulatorCpu: { plugin: median(emulatorCpu.plugin), bare: median(emulatorCpu.bare) },
    }
  } finally {
    await quiet.close()
  }
}
