// CPU time of a Chromium and its helper processes, by kind, read from Linux's /proc. The run
// time on two cores is bound by CPU: the emulator renders the results on the same cores the
// browser uses to take them in, so what the browser spends during a run is printed beside it.
import { readdirSync, readFileSync } from 'node:fs'

export type ChromiumPart = 'renderers' | 'gpu' | 'browser' | 'network' | 'other'

export type ChromiumCpu = Record<ChromiumPart, number>

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100

function partOf(commandLine: string): ChromiumPart {
  const type = /--type=([a-z-]+)/.exec(commandLine)?.[1]
  if (type === 'renderer') return 'renderers'
  if (type === 'gpu-process') return 'gpu'
  if (type === 'utility' && commandLine.includes('network.mojom.NetworkService')) return 'network'
  return 'other'
}

interface ProcessStat {
  parent: number
  cpuMs: number
}

function readStat(pid: number): ProcessStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name may hold spaces and parentheses: the fields start after the last ')'
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { parent: Number(fields[1]), cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND }
  } catch {
    return null // the process ended between the listing and the read
  }
}

/** CPU time so far of `rootPid` and every process under it; null where /proc is missing. */
export function chromiumCpu(rootPid: number): ChromiumCpu | null {
  let pids: number[]
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number)
  } catch {
    return null
  }
  const stats = new Map<number, ProcessStat>()
  for (const pid of pids) {
    const stat = readStat(pid)
    if (stat) stats.set(pid, stat)
  }
  const under = (pid: number): boolean => {
    for (let at = pid, hops = 0; at > 1 && hops < 16; at = stats.get(at)?.parent ?? 0, hops++) if (at === rootPid) return true
    return false
  }
  const cpu: ChromiumCpu = { renderers: 0, gpu: 0, browser: 0, network: 0, other: 0 }
  for (const [pid, stat] of stats) {
    if (!under(pid)) continue
    let commandLine: string
    try {
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
    } catch {
      continue
    }
    // the zygotes, crash handler and other helpers count as 'other'
    cpu[pid === rootPid ? 'browser' : partOf(commandLine)] += stat.cpuMs
  }
  return cpu
}

/** What each part spent between two readings. */
export function cpuSpent(before: ChromiumCpu, after: ChromiumCpu): ChromiumCpu {
  const spent = { ...after }
  for (const part of Object.keys(spent) as ChromiumPart[]) spent[part] -= before[part]
  return spent
}

export function totalOf(cpu: ChromiumCpu): number {
  return Object.values(cpu).reduce((sum, ms) => sum + ms, 0)
}
