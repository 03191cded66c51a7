// Small wording helpers shared by the cards.

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
