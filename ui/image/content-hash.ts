// SHA-256 for the upload cache (same bytes → same Runware imageUUID). A cryptographic hash
// rather than a quick checksum because a collision would silently send the wrong reference
// image. crypto.subtle needs a secure context, which the null-origin plugin iframe may not
// be, so a plain-JS digest is always there; where subtle exists it does the same digest
// natively and off the main thread (three exported frames cost ~40 ms each in plain JS).

// SHA-256's constants are the first 32 fractional bits of the cube roots (K) and square roots
// (the initial state) of the first primes. Derived here rather than listed: 72 eight-digit
// numbers are ~0.6 kB of the gzipped UI that gzip cannot shrink, while a double's 52 bits
// give the 32 needed with room to spare (test/ui/content-hash.test.ts checks the digests
// against the published vectors and node:crypto).
const PRIMES: number[] = []
for (let n = 2; PRIMES.length < 64; n++) if (PRIMES.every((p) => n % p)) PRIMES.push(n)
const fraction32 = (root: number) => ((root % 1) * 2 ** 32) >>> 0
const K = new Uint32Array(PRIMES.map((p) => fraction32(Math.cbrt(p))))
const INITIAL = new Uint32Array(PRIMES.slice(0, 8).map((p) => fraction32(Math.sqrt(p))))

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))

function compress(state: Uint32Array, block: Uint8Array, w: Uint32Array): void {
  for (let t = 0; t < 16; t++) {
    const i = t * 4
    w[t] = (block[i]! << 24) | (block[i + 1]! << 16) | (block[i + 2]! << 8) | block[i + 3]!
  }
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15]!
    const b = w[t - 2]!
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10)
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t]! + w[t]!) | 0
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0
    h = g
    g = f
    f = e
    e = (d + t1) | 0
    d = c
    c = b
    b = a
    a = (t1 + t2) | 0
  }
  // a Uint32Array wraps each sum to 32 bits by itself
  state[0]! += a
  state[1]! += b
  state[2]! += c
  state[3]! += d
  state[4]! += e
  state[5]! += f
  state[6]! += g
  state[7]! += h
}

/** SHA-256 of `bytes` as 64 lowercase hex digits. */
export function sha256Hex(bytes: Uint8Array): string {
  const state = INITIAL.slice()
  const w = new Uint32Array(64)
  const full = bytes.length - (bytes.length % 64)
  for (let i = 0; i < full; i += 64) compress(state, bytes.subarray(i, i + 64), w)
  // the tail, the 0x80 marker and the 64-bit big-endian bit length fill one or two blocks
  const tailLength = bytes.length - full
  const tail = new Uint8Array(tailLength < 56 ? 64 : 128)
  tail.set(bytes.subarray(full))
  tail[tailLength] = 0x80
  const end = tail.length
  const view = new DataView(tail.buffer)
  view.setUint32(end - 8, Math.floor(bytes.length / 0x20000000))
  view.setUint32(end - 4, (bytes.length * 8) >>> 0)
  for (let i = 0; i < end; i += 64) compress(state, tail.subarray(i, i + 64), w)
  let hex = ''
  for (const word of state) hex += word.toString(16).padStart(8, '0')
  return hex
}

/** The same 64 hex digits as `sha256Hex`, from WebCrypto when the page has it. */
export async function sha256HexAsync(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (subtle) {
    try {
      const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>))
      let hex = ''
      for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
      return hex
    } catch {
      // refused (an insecure context in some engines): the plain-JS digest is the same
    }
  }
  return sha256Hex(bytes)
}
