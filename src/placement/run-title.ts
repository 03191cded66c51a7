import { shorten } from '../common/shorten'

// Names that tell runs apart: each run's section is numbered per page and leads with that
// number, so two runs with the same prompt still differ at a glance; each image leads with its
// own number, so it shows however short the layers panel cuts the name.

const NUMBERED = /^Run (\d+) ·/

/** One more than the highest "Run N ·" among these names, so the new title is unique. */
export function nextRunNumber(names: Iterable<string>): number {
  let highest = 0
  for (const name of names) {
    const found = NUMBERED.exec(name)
    if (found) highest = Math.max(highest, Number(found[1]))
  }
  return highest + 1
}

export function runTitle(number: number, prompt: string, recovered = false): string {
  return `Run ${number} · ${shorten(prompt, 60)}${recovered ? ' (recovered)' : ''}`
}

/** An image's name: its number in the run first, then the prompt. */
export function resultName(prompt: string, index: number): string {
  return `${index + 1} · ${shorten(prompt, 60)}`
}
