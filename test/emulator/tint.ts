// The seed tint as integer arithmetic: the canvas is scaled to 78 % once per task, then each
// result adds 22 % of its seed colour. The sum never passes 255, so four bytes can be added
// per 32-bit word with no carry between them: a full 1080p frame in a few milliseconds,
// where a float pass through libvips costs several times that.

export const KEEP = 200 // of 256: the share of the reference kept under the tint (78 %)

export function darken(raw: Buffer): void {
  const lut = new Uint8Array(256)
  for (let v = 0; v < 256; v++) lut[v] = (v * KEEP) >> 8
  for (let i = 0; i < raw.length; i++) raw[i] = lut[raw[i]!]!
}

/** Writes `base + colour × (256 − KEEP)/256` into `out`; base must come from darken(). */
export function addTint(base: Buffer, out: Buffer, colour: [number, number, number]): void {
  const offset = colour.map((c) => (c * (256 - KEEP)) >> 8)
  const pattern = Buffer.alloc(12)
  for (let i = 0; i < 12; i++) pattern[i] = offset[i % 3]!
  const words = new Uint32Array(pattern.buffer, pattern.byteOffset, 3)
  const whole = base.length - (base.length % 12)
  const aligned = base.byteOffset % 4 === 0 && out.byteOffset % 4 === 0
  if (aligned) {
    const src = new Uint32Array(base.buffer, base.byteOffset, whole / 4)
    const dst = new Uint32Array(out.buffer, out.byteOffset, whole / 4)
    const [a, b, c] = [words[0]!, words[1]!, words[2]!]
    for (let i = 0; i < src.length; i += 3) {
      dst[i] = src[i]! + a
      dst[i + 1] = src[i + 1]! + b
      dst[i + 2] = src[i + 2]! + c
    }
  }
  for (let i = aligned ? whole : 0; i < base.length; i++) out[i] = base[i]! + offset[i % 3]!
}
