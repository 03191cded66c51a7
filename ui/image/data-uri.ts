// Base64 and data URIs in plain JS. Runware hands results back as `imageDataURI` or
// `imageBase64Data`, and references go out the same way when an upload fails; the iframe has
// no Buffer, and atob/btoa would force a binary string of every multi-megabyte image.

import { bytesToBase64, decodeBase64 } from '../runware/base64'

// One base64 decoder for the whole UI (ui/runware/base64.ts): the lenient one, since results
// and pasted data may come without padding or in URL-safe base64.
export { decodeBase64 }

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
