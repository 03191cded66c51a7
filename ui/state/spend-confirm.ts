// When a run asks before it spends. Every run above the designer's threshold asks, each
// time: a confirmation remembered for a count would let the next large run through
// unannounced, and the point is that spending is never a surprise.

export function needsConfirmation(count: number, confirmAbove: number): boolean {
  return count > confirmAbove
}
