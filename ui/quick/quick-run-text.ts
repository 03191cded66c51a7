import { images } from '../lib/format'
import type { RunState } from '../generation/run-state'
import { countSlots } from '../generation/run-state'

// What the toast says when a Quick Actions run closes the plugin: what was placed, or why
// nothing was. Figma shows at most 100 characters, so the
// prompt is quoted short and the reason comes first where there is one.

const TOAST_LENGTH = 100

function cut(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`
}

export function blockedText(reason: string): string {
  return cut(`Nothing generated: ${reason.replace(/\.$/, '')}`, TOAST_LENGTH)
}

export function finishedText(run: RunState, prompt: string): string {
  const total = run.slots.length
  const placed = countSlots(run, 'placed')
  const failure = run.error?.message ?? run.slots.find((slot) => slot.message)?.message
  if (run.phase === 'interrupted') return cut(`Connection lost: ${placed} of ${images(total)} placed; the rest is fetched on the next launch`, TOAST_LENGTH)
  if (placed === 0) return blockedText(failure ?? 'Runware returned no images')
  if (placed === total) {
    const head = `Placed ${images(placed)} for “`
    return `${head}${cut(prompt, TOAST_LENGTH - head.length - 1)}”`
  }
  return cut(`Placed ${placed} of ${images(total)}${failure ? `; ${failure}` : ''}`, TOAST_LENGTH)
}
