// How a cost in US dollars reads, wherever it is shown: the panel, History and the annotation.

/** Runware reports cost in US dollars; tiny amounts keep enough digits to mean something. */
export function formatCost(cost: number): string {
  if (cost === 0) return '$0'
  const digits = cost < 0.01 ? 4 : cost < 1 ? 3 : 2
  return `$${cost.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`
}
