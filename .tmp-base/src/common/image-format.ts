// Which image a byte array holds, from its magic numbers. Figma's createImage takes PNG, JPEG
// and GIF only, and Runware may send WEBP, so the UI sniffs every result before it goes to the
// sandbox, and the sandbox checks again before createImage. Shared by both sides; the pixel
// size is read by image-size.ts (PNG, JPEG, GIF) and, for WEBP too, ui/image/image-info.ts.

export type ImageFormat = 'PNG' | 'JPEG' | 'GIF' | 'WEBP'

const MIME: Record<ImageFormat, string> = {
  PNG: 'image/png',
  JPEG: 'image/jpeg',
  GIF: 'image/gif',
  WEBP: 'image/webp',
}

export function mimeOf(format: ImageFormat): string {
  return MIME[format]
}

/** Whether `signature` sits in `bytes` at offset `at`. */
export function startsWith(bytes: Uint8Array, at: number, signature: readonly number[]): boolean {
  if (bytes.length < at + signature.length) return false
  return signature.every((value, i) => bytes[at + i] === value)
}

export function ascii(text: string): number[] {
  return Array.from(text, (c) => c.charCodeAt(0))
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
const GIF87 = ascii('GIF87a')
const GIF89 = ascii('GIF89a')
const RIFF = ascii('RIFF')
const WEBP = ascii('WEBP')

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (startsWith(bytes, 0, PNG)) return 'PNG'
  if (startsWith(bytes, 0, JPEG)) return 'JPEG'
  if (startsWith(bytes, 0, GIF87) || startsWith(bytes, 0, GIF89)) return 'GIF'
  if (startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) return 'WEBP'
  return null
}
