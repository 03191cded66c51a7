// How much of each long task on the host page is the plugin's own sandbox code. The host page
// plays Figma's main thread, but it also runs things Figma does natively or elsewhere: the
// fake's pure-JS SHA-1 in createImage, the fake's clone of each message, and the host's canvas
// redraw (blobs, object URLs, DOM). Those are the double's costs, not the plugin's, so the
// gated figure counts only CPU samples whose innermost JavaScript frame is in
// plugin/code.js (browser built-ins it calls, like JSON or TextEncoder, count as its own).
// The raw longest task is still reported beside it, so nothing is hidden.
import type { CDPSession } from 'playwright-core'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}

interface CpuProfile {
  nodes: ProfileNode[]
  startTime: number
  samples: number[]
  timeDeltas: number[]
}

export interface SandboxProfile {
  /** Milliseconds of sandbox-owned CPU between two wall-clock times (ms since the epoch). */
  ownWithin(start: number, end: number): number
}

const SANDBOX_URL = /(^|\/)code\.js$/
const MARK = '__benchClockMark'

export async function startSandboxProfile(session: CDPSession): Promise<() => Promise<SandboxProfile>> {
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 250 })
  await session.send('Profiler.start')
  return async () => {
    // a marked busy-wait ties the profile's clock to the page's wall clock
    const marked = await session.send('Runtime.evaluate', {
      expression: `(function ${MARK}() { const t = performance.now(); while (performance.now() - t < 5); return performance.timeOrigin + t })()`,
      returnByValue: true,
    })
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    await session.send('Profiler.disable')
    return readProfile(profile, (marked.result as { value: number }).value)
  }
}

function readProfile(profile: CpuProfile, markWall: number): SandboxProfile {
  const parent = new Map<number, ProfileNode>()
  const byId = new Map<number, ProfileNode>()
  for (const node of profile.nodes) {
    byId.set(node.id, node)
    for (const child of node.children ?? []) parent.set(child, node)
  }
  const owned = new Map<number, boolean>()
  const isOwned = (id: number): boolean => {
    const known = owned.get(id)
    if (known !== undefined) return known
    // the innermost frame that belongs to a script decides whose time this is
    let node = byId.get(id)
    while (node && node.callFrame.url === '') node = parent.get(node.id)
    const own = node !== undefined && SANDBOX_URL.test(node.callFrame.url)
    owned.set(id, own)
    return own
  }
  const marks = new Set(profile.nodes.filter((node) => node.callFrame.functionName === MARK).map((node) => node.id))

  const times: number[] = []
  let ticks = profile.startTime
  let markTicks: number | undefined
  for (const [i, id] of profile.samples.entries()) {
    ticks += profile.timeDeltas[i] ?? 0
    times.push(ticks)
    if (markTicks === undefined && (marks.has(id) || [...marks].some((mark) => isBelow(id, mark, parent)))) markTicks = ticks
  }
  if (markTicks === undefined) throw new Error('the clock mark is missing from the CPU profile')
  const toWall = (t: number) => markWall + (t - markTicks!) / 1000

  return {
    ownWithin(start, end) {
      let total = 0
      for (const [i, id] of profile.samples.entries()) {
        const at = toWall(times[i]!)
        if (at < start || at > end || !isOwned(id)) continue
        // each sample stands for the time until the next one
        total += (profile.timeDeltas[i + 1] ?? 0) / 1000
      }
      return total
    },
  }
}

function isBelow(id: number, ancestor: number, parent: Map<number, ProfileNode>): boolean {
  for (let node = parent.get(id); node; node = parent.get(node.id)) if (node.id === ancestor) return true
  return false
}
