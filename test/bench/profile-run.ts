// Diagnostic, not part of npm run bench: one timed plugin run (as the bench times it) with a CPU
// profile of the host page (and the UI frame, if it has a process of its own), the emulator's
// CPU, and each Chromium process's CPU, so the time a run spends beyond the bare request can be
// put down to plugin UI code, sandbox code, the host double, or the browser itself.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type CDPSession } from 'playwright-core'

import { startHost } from '../host/server'
import { startEmulatorProcess } from './emulator-process'
import { photoJpeg } from './photo-frames'
import { openPluginPage } from './plugin-driver'

const ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

interface Node { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

function processCpu(): Map<string, number> {
  const out = new Map<string, number>()
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
      if (!cmd[0]?.includes('chrom')) continue
      const type = cmd.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser'
      const extra = cmd.find((a) => a.startsWith('--utility-sub-type='))?.slice(19) ?? ''
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
      const ticks = Number(stat[11]) + Number(stat[12])
      out.set(`${pid} ${type} ${extra}`, ticks * 10)
    } catch { /* gone */ }
  }
  return out
}

function attribute(profile: Profile): Map<string, number> {
  const parent = new Map<number, Node>()
  const byId = new Map<number, Node>()
  for (const n of profile.nodes) { byId.set(n.id, n); for (const c of n.children ?? []) parent.set(c, n) }
  const totals = new Map<string, number>()
  const fnTotals = new Map<string, number>()
  const inclusive = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const self = byId.get(id)!
    let node: Node | undefined = self
    while (node && node.callFrame.url === '') node = parent.get(node.id)
    const name = self.callFrame.functionName
    let bucket: string
    if (name === '(idle)') bucket = 'idle'
    else if (name === '(program)' || name === '(garbage collector)') bucket = name
    else if (!node) bucket = `native:${name}`
    else {
      const url = node.callFrame.url
      bucket = /code\.js/.test(url) ? 'sandbox code.js' : /figma-fake|fake/.test(url) ? `host:${url.split('/').pop()}` : url.split('?')[0]!.split('/').slice(-2).join('/')
    }
    totals.set(bucket, (totals.get(bucket) ?? 0) + dt)
    // inclusive time of every named function on the stack, counted once per sample
    const seen = new Set<string>()
    for (let up: Node | undefined = self; up; up = parent.get(up.id)) {
      const key = `${up.callFrame.url.split('/').pop()?.split('?')[0] ?? ''}:${up.callFrame.functionName}`
      if (up.callFrame.functionName && !seen.has(key)) { seen.add(key); inclusive.set(key, (inclusive.get(key) ?? 0) + dt) }
    }
    const fnKey = `${node?.callFrame.url.split('/').pop() ?? ''} ${node?.callFrame.functionName ?? ''} > ${name}`
    fnTotals.set(fnKey, (fnTotals.get(fnKey) ?? 0) + dt)
  })
  console.log('  top functions:')
  for (const [k, v] of [...fnTotals].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`)
  console.log('  inclusive:')
  for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).filter(([k]) => !k.endsWith(':(idle)') && !k.endsWith(':(root)')).slice(0, 30)) console.log(`    ${v.toFixed(1).padStart(7)} ms  ${k}`)
  return totals
}

async function main(): Promise<void> {
  const root = join(import.meta.dirname, '..', '..')
  const [emulator, host] = await Promise.all([startEmulatorProcess(), startHost({ distDir: join(root, 'dist') })])
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS })
  const plugin = await openPluginPage(browser, host.url, emulator.url, emulator.apiKey)
  try {
    const frameIds = await plugin.addPhotoFrames(await Promise.all([0, 1, 2].map((i) => photoJpeg(i))))
    const form = { prompt: 'Warm editorial moodboard, soft film grain', width: 1440, height: 1080, count: 4 }
    await emulator.setOptions({ latencyMs: 0, staggerMs: 0 })
    for (let run = 0; run < 2; run++) { await plugin.select(frameIds); await plugin.generate(form) }
    const runs = Number(process.env.RUNS ?? 3)
    for (let run = 0; run < runs; run++) {
      await plugin.select(frameIds)
      // PROFILE=0 times the runs without the profiler's own cost
      const sessions: CDPSession[] = process.env.PROFILE === '0' ? [] : [await plugin.page.context().newCDPSession(plugin.page)]
      if (sessions.length > 0) try { sessions.push(await plugin.page.context().newCDPSession(plugin.uiFrame())) } catch { /* in-process iframe */ }
      for (const s of sessions) { await s.send('Profiler.enable'); await s.send('Profiler.setSamplingInterval', { interval: 200 }); await s.send('Profiler.start') }
      const cpuBefore = processCpu()
      const emuBefore = await emulator.usage()
      const t0 = Date.now()
      await plugin.generate(form)
      const wall = Date.now() - t0
      const emuAfter = await emulator.usage()
      const cpuAfter = processCpu()
      const probe = await plugin.probe('ui')
      console.log(`run ${run}: click→placed ${probe.placed.at(-1)! - probe.generateClicks.at(-1)!} ms; generate() wall ${wall} ms; emulator CPU ${(emuAfter.cpuMs - emuBefore.cpuMs).toFixed(0)} ms, loop busy ${(emuAfter.loopBusyMs - emuBefore.loopBusyMs).toFixed(0)} ms; ${sessions.length} CDP session(s)`)
      for (const [k, v] of cpuAfter) { const d = v - (cpuBefore.get(k) ?? 0); if (d > 0) console.log(`  chromium ${k}: ${d} ms CPU`) }
      for (const [i, s] of sessions.entries()) {
        const { profile } = (await s.send('Profiler.stop')) as unknown as { profile: Profile }
        console.log(` profile ${i === 0 ? 'host page' : 'ui frame'}:`)
        const totals = attribute(profile)
        for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`)
        await s.detach()
      }
    }
  } finally {
    await plugin.close(); await browser.close(); await Promise.all([emulator.close(), host.close()])
  }
}
await main()
