// figma.base64Encode / base64Decode in plain JS: the sandbox has no btoa/atob or Buffer,
// so plugins use these to build data URIs.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function base64Encode(data: Uint8Array): string {
  if (!(data instanceof Uint8Array)) throw new TypeError('in base64Encode: Expected a Uint8Array')
  let out = ''
  for (let i = 0; i < data.length; i += 3) {
    const a = data[i]!
    const b = data[i + 1]
    const c = data[i + 2]
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63]!
    out += c === undefined ? '=' : ALPHABET[n & 63]!
  }
  return out
}

export function base64Decode(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError('in base64Decode: Expected a string')
  const clean = text.replace(/[\s=]/g, '')
  if (/[^A-Za-z0-9+/]/.test(clean) || clean.length % 4 === 1) throw new Error('in base64Decode: Invalid base64 string')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let value = 0
  let at = 0
  for (const char of clean) {
    value = (value << 6) | ALPHABET.indexOf(char)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[at++] = (value >> bits) & 0xff
    }
  }
  return out
}
