// Diagnostic only: where a frame's main thread spent a run, from a CDP CPU profile, as self
// time by function and by script. Taken for an early and a late run of the long session when
// BENCH_SESSION_PROFILE=1, to tell what grows with the page from what does not.
import type { CdpTarget } from './cdp-browser'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
}

interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

export async function startProfile(target: CdpTarget): Promise<() => Promise<string>> {
  await target.send('Profiler.enable')
  await target.send('Profiler.setSamplingInterval', { interval: 500 })
  await target.send('Profiler.start')
  return async () => {
    const { profile } = await target.send<{ profile: Profile }>('Profiler.stop')
    await target.send('Profiler.disable')
    return summarise(profile)
  }
}

function summarise(profile: Profile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  const byUrl = new Map<string, number>()
  for (const [i, id] of profile.samples.entries()) {
    const node = byId.get(id)!
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const name = node.callFrame.functionName || '(anonymous)'
    if (name === '(idle)' || name === '(program)') continue
    const url = node.callFrame.url.split('/').at(-1) || '-'
    const key = `${name} ${url}:${node.callFrame.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + dt)
    byUrl.set(url, (byUrl.get(url) ?? 0) + dt)
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n    ')
  return `  by script:\n    ${top(byUrl, 8)}\n  by function (self ms):\n    ${top(self, 25)}`
}
