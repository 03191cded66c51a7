// Base64 without Node's Buffer (the UI iframe has none). Results and
// references travel as base64 or data URIs (runware-api.md §2.1: `imageBase64Data` carries
// no prefix, `imageDataURI` is `data:<mime>;base64,…`).

const BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/
const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z0-9-]+=[^;,]*)*;base64,/i

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const ENCODE = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i))
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i
const EQUALS = 61

// Table-driven rather than btoa/atob over a "binary string": results are megabytes and the
// string round trip is slow in some engines (Node's btoa is ~10× slower than this loop).
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4)
  let o = 0
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out[o++] = ENCODE[n >> 18]!
    out[o++] = ENCODE[(n >> 12) & 63]!
    out[o++] = ENCODE[(n >> 6) & 63]!
    out[o++] = ENCODE[n & 63]!
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0)
    out[o++] = ENCODE[n >> 18]!
    out[o++] = ENCODE[(n >> 12) & 63]!
    out[o++] = rest === 2 ? ENCODE[(n >> 6) & 63]! : EQUALS
    out[o++] = EQUALS
  }
  return new TextDecoder().decode(out)
}

/** Decodes standard base64 (whitespace tolerated); throws on anything that is not base64. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = /\s/.test(base64) ? base64.replace(/\s+/g, '') : base64
  if (text.length % 4 !== 0) throw new Error('base64 length is not a multiple of 4')
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const bytes = new Uint8Array((text.length / 4) * 3 - padding)
  let o = 0
  for (let i = 0; i < text.length; i += 4) {
    let n = 0
    for (let j = 0; j < 4; j++) {
      const code = text.charCodeAt(i + j)
      const value = code === EQUALS && i + j >= text.length - padding ? 0 : code < 128 ? DECODE[code]! : -1
      if (value < 0) throw new Error(`not base64 at character ${i + j}`)
      n = (n << 6) | value
    }
    if (o < bytes.length) bytes[o++] = n >> 16
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255
    if (o < bytes.length) bytes[o++] = n & 255
  }
  return bytes
}

/** True for a plausible raw base64 payload: only base64 characters, length a multiple of 4. */
export function isBase64(text: string): boolean {
  return text.length >= 4 && text.length % 4 === 0 && BASE64_BODY.test(text)
}

export interface DataUri {
  mime: string
  base64: string
}

/** Splits `data:<mime>;base64,<body>`; undefined when the text is not a base64 data URI. */
export function parseDataUri(text: string): DataUri | undefined {
  const match = DATA_URI.exec(text)
  if (!match) return undefined
  const base64 = text.slice(match[0].length)
  if (!isBase64(base64)) return undefined
  return { mime: (match[1] ?? 'application/octet-stream').toLowerCase(), base64 }
}

export function isBase64DataUri(text: string): boolean {
  return parseDataUri(text) !== undefined
}
