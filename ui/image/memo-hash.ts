// A content hash remembered per byte array. The selected frames' bytes stay the same objects
// from run to run until the selection or the frames change, and hashing three exported
// 1920×1080 PNGs is real work: it is started when the bytes arrive (`prepare`), so Generate
// finds it done. The promise is kept, so a run that asks while it is still running waits for
// the same digest rather than starting another. Keyed weakly, so bytes that leave the state
// are not kept alive by their hash.

export type ContentHash = (bytes: Uint8Array) => Promise<string>

export function memoizeHash(hash: (bytes: Uint8Array) => string | Promise<string>): ContentHash {
  const known = new WeakMap<Uint8Array, Promise<string>>()
  return (bytes) => {
    let value = known.get(bytes)
    if (value === undefined) {
      const started = Promise.resolve().then(() => hash(bytes))
      value = started
      known.set(bytes, started)
      // a failed digest is not remembered: the next ask tries again
      started.catch(() => {
        if (known.get(bytes) === started) known.delete(bytes)
      })
    }
    return value
  }
}
