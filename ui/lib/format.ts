// Small wording helpers shared by the cards.

/** Runware reports cost in US dollars; tiny amounts keep enough digits to mean something. */
export function formatCost(cost: number): string {
  if (cost === 0) return '$0'
  const digits = cost < 0.01 ? 4 : cost < 1 ? 3 : 2
  return `$${cost.toFixed(digits).replace(/(\.\d\d\d*?)0+$/, '$1')}`
}

export function maskKey(key: string): string {
  // enough of the end to recognise which key it is, never enough to use it
  const tail = key.length > 8 ? key.slice(-4) : ''
  return `••••••••${tail}`
}

export function pixelSize(width: number, height: number): string {
  return `${width} × ${height} px`
}

/** "1 image", "3 images". */
export function images(n: number): string {
  return `${n} image${n === 1 ? '' : 's'}`
}
