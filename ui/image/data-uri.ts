// Base64 and data URIs in plain JS. Runware hands results back as `imageDataURI` or
// `imageBase64Data`, and references go out the same way when an upload fails; the iframe has
// no Buffer, and atob/btoa would force a binary string of every multi-megabyte image.

import { bytesToBase64 } from '../runware/base64'

// Decoding stays here rather than in the client's strict decoder: results and pasted data
// may come without padding or in URL-safe base64, and a designer should not lose an image to that.
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

// Native where the engine has it (TC39 Uint8Array.fromBase64): a result is 1–2 MB of base64
// and the loop below takes ~10–20 ms of the iframe's main thread per result on a slow machine.
const nativeDecode = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64

/** Decodes base64 (whitespace and missing padding tolerated); throws on any other character. */
export function decodeBase64(text: string): Uint8Array {
  if (nativeDecode) {
    try {
      return nativeDecode(text)
    } catch {
      // URL-safe characters, or something that is not base64: the loop accepts the first, names the second
    }
  }
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

/** Standard, padded base64: the Runware client's encoder, the one both uploads and data URIs use. */
export const encodeBase64 = bytesToBase64

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
