// Base64 without Node's Buffer (the UI iframe has none). Results and
// references travel as base64 or data URIs (`imageBase64Data` carries
// no prefix, `imageDataURI` is `data:<mime>;base64,…`).

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/
const DATA_URI = /^data:([a-z]+\/[a-z0-9.+-]+)?(;[a-z0-9-]+=[^;,]*)*;base64,/i

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const ENCODE = new Uint8Array(64).map((_, i) => ALPHABET.charCodeAt(i))
const DECODE = new Int16Array(128).fill(-1)
for (let i = 0; i < 64; i++) DECODE[ALPHABET.charCodeAt(i)] = i
// URL-safe base64 shows up in the wild; the lenient decoder takes it too
DECODE[45] = 62 // '-'
DECODE[95] = 63 // '_'
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

// Native where the engine has it (TC39 Uint8Array.fromBase64): a result is 1–2 MB of base64
// and the loop below takes ~10–20 ms of the iframe's main thread per result on a slow machine.
const nativeDecode = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/**
 * Decodes base64 leniently: whitespace, missing padding and URL-safe characters are taken, so
 * a designer does not lose a result to them; throws on any other character.
 */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  if (nativeDecode) {
    try {
      return nativeDecode(text)
    } catch {
      // URL-safe characters, or something that is not base64: the loop accepts the first, names the second
    }
  }
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === EQUALS || isSpace(text.charCodeAt(end - 1)))) end--
  const out = new Uint8Array(Math.floor((end * 3) / 4))
  let buffer = 0
  let bits = 0
  let length = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    if (isSpace(code)) continue
    const value = code < 128 ? DECODE[code]! : -1
    if (value < 0) throw new Error(`Not base64: unexpected character at ${i}`)
    buffer = (buffer << 6) | value
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[length++] = (buffer >> bits) & 0xff
    }
  }
  if (bits >= 6) throw new Error('Not base64: truncated input')
  return out.subarray(0, length)
}

/** Decodes standard, padded base64 (whitespace tolerated); throws on anything else. */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = /\s/.test(base64) ? base64.replace(/\s+/g, '') : base64
  if (text.length % 4 !== 0) throw new Error('base64 length is not a multiple of 4')
  if (!BASE64_BODY.test(text)) throw new Error('not standard base64')
  return decodeBase64(text)
}

/** True for a plausible raw base64 payload: only base64 characters, length a multiple of 4. */
export function isBase64(text: string): boolean {
  return text.length >= 4 && text.length % 4 === 0 && BASE64_BODY.test(text)
}

export interface DataUri {
  mime: string
  base64: string
}

/**
 * Splits `data:<mime>;base64,<body>` by its prefix alone, leaving the body's characters to
 * whatever decodes it (the decoders throw on anything that is not base64): a result's body is
 * a megabyte, and checking it here too would read it twice on the way to the canvas.
 */
export function splitDataUri(text: string): DataUri | undefined {
  const match = DATA_URI.exec(text)
  if (!match) return undefined
  return { mime: (match[1] ?? 'application/octet-stream').toLowerCase(), base64: text.slice(match[0].length) }
}

/** Splits `data:<mime>;base64,<body>`; undefined when the text is not a base64 data URI. */
export function parseDataUri(text: string): DataUri | undefined {
  const parsed = splitDataUri(text)
  return parsed && isBase64(parsed.base64) ? parsed : undefined
}

export function isBase64DataUri(text: string): boolean {
  return parseDataUri(text) !== undefined
}
