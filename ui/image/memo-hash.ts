// A content hash remembered per byte array. The selected frames' bytes stay the same objects
// from run to run until the selection or the frames change, and hashing three exported
// 1920×1080 PNGs in plain JS costs ~25 ms each: every iteration paid that before its request.
// Keyed weakly, so bytes that leave the state are not kept alive by their hash.

export function memoizeHash(hash: (bytes: Uint8Array) => string): (bytes: Uint8Array) => string {
  const known = new WeakMap<Uint8Array, string>()
  return (bytes) => {
    let value = known.get(bytes)
    if (value === undefined) {
      value = hash(bytes)
      known.set(bytes, value)
    }
    return value
  }
}
