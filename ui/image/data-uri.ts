// Base64 and data URIs in plain JS. Runware hands results back as `imageDataURI` or
// `imageBase64Data`, and references go out the same way when an upload fails; the iframe has
// no Buffer, and atob/btoa would force a binary string of every multi-megabyte image.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const DECODE = (() => {
  const table = new Int16Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  // URL-safe base64 shows up in the wild; accept it too
  table['-'.charCodeAt(0)] = 62
  table['_'.charCodeAt(0)] = 63
  return table
})()

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13
}

/** Decodes base64 (whitespace and missing padding tolerated); throws on any other character. */
export function decodeBase64(text: string): Uint8Array {
  let end = text.length
  while (end > 0 && (text.charCodeAt(end - 1) === 61 || isSpace(text.charCodeAt(end - 1)))) end--
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

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = []
  let chunk = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
    // join in pieces: one huge += chain is slow on some engines
    if (chunk.length >= 65536) {
      parts.push(chunk)
      chunk = ''
    }
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + '=='
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    chunk += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + '='
  }
  parts.push(chunk)
  return parts.join('')
}

export interface DecodedDataUri {
  mime: string
  bytes: Uint8Array
}

const DATA_URI = /^data:([^;,]*)((?:;[^;,]*)*),/i

/** Splits a `data:` URI into its MIME type and bytes; base64 and percent-encoded bodies both work. */
export function decodeDataUri(uri: string): DecodedDataUri {
  const match = DATA_URI.exec(uri)
  if (!match) throw new Error('Not a data URI')
  const mime = (match[1] || 'text/plain').toLowerCase()
  const params = match[2]!.toLowerCase().split(';')
  const body = uri.slice(match[0].length)
  if (params.includes('base64')) return { mime, bytes: decodeBase64(body) }
  return { mime, bytes: new TextEncoder().encode(decodeURIComponent(body)) }
}

export function toDataUri(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${encodeBase64(bytes)}`
}

/** How long `toDataUri` would be, without building the string. */
export function dataUriLength(byteLength: number, mime: string): number {
  return `data:${mime};base64,`.length + Math.ceil(byteLength / 3) * 4
}
