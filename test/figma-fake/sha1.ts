// SHA-1 in plain JS for image hashes. Image.hash is a "unique hash of
// the contents"; Figma's are 40 hex characters, so the fake uses a SHA-1 of the bytes
// (deterministic, same bytes → same hash) and stays free of node:crypto / crypto.subtle.
//
// It runs on the host page's main thread, where the sandbox runs too, once per createImage:
// the whole blocks are read straight from the caller's bytes (only the padded tail is copied)
// and the rounds are split by phase, so hashing a 1 MB result takes a few milliseconds rather
// than holding up the next message to the plugin.

export function sha1Hex(bytes: Uint8Array): string {
  const whole = bytes.length >>> 6
  const rest = bytes.length - whole * 64
  // the rest, the 0x80 marker and the 64-bit length: one block, or two when they do not fit
  const tail = new Uint8Array(rest + 9 > 64 ? 128 : 64)
  tail.set(bytes.subarray(whole * 64))
  tail[rest] = 0x80
  const view = new DataView(tail.buffer)
  const bitLength = bytes.length * 8
  view.setUint32(tail.length - 8, Math.floor(bitLength / 2 ** 32))
  view.setUint32(tail.length - 4, bitLength >>> 0)

  const state = new Int32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0])
  const w = new Int32Array(80)
  compress(state, w, bytes, whole)
  compress(state, w, tail, tail.length >>> 6)
  return Array.from(state, (h) => (h >>> 0).toString(16).padStart(8, '0')).join('')
}

/** Folds `blocks` 64-byte blocks of `data` into `state` (int32 arithmetic throughout). */
function compress(state: Int32Array, w: Int32Array, data: Uint8Array, blocks: number): void {
  let h0 = state[0]!
  let h1 = state[1]!
  let h2 = state[2]!
  let h3 = state[3]!
  let h4 = state[4]!
  for (let block = 0, at = 0; block < blocks; block++) {
    for (let i = 0; i < 16; i++, at += 4) w[i] = (data[at]! << 24) | (data[at + 1]! << 16) | (data[at + 2]! << 8) | data[at + 3]!
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!
      w[i] = (x << 1) | (x >>> 31)
    }
    let a = h0
    let b = h1
    let c = h2
    let d = h3
    let e = h4
    let t: number
    for (let i = 0; i < 20; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]!) | 0
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t
    }
    for (let i = 20; i < 40; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]!) | 0
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t
    }
    for (let i = 40; i < 60; i++) {
      t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[i]!) | 0
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t
    }
    for (let i = 60; i < 80; i++) {
      t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + w[i]!) | 0
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t
    }
    h0 = (h0 + a) | 0
    h1 = (h1 + b) | 0
    h2 = (h2 + c) | 0
    h3 = (h3 + d) | 0
    h4 = (h4 + e) | 0
  }
  state[0] = h0
  state[1] = h1
  state[2] = h2
  state[3] = h3
  state[4] = h4
}
