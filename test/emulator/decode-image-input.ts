// Turns an image parameter (UUID, data URI, raw base64 or http(s) URL)
// into verified image bytes. Only PNG, JPEG and WEBP are accepted.
import sharp from 'sharp'
import { validate as isUuid } from 'uuid'
import type { EmulatorContext } from './context'
import { isImageFormat, type ImageFormat } from './image-formats'

export type ImageInputKind = 'uuid' | 'url' | 'dataUri' | 'base64'

export interface LoadedImage {
  bytes: Buffer
  format: ImageFormat
  width: number
  height: number
}

/** `kind: 'download'` when a URL could not be fetched, `'invalid'` for anything else. */
export class ImageInputError extends Error {
  constructor(message: string, readonly kind: 'invalid' | 'download') {
    super(message)
  }
}

// Runway refuses URL images over 16 MB.
const MAX_DOWNLOAD_BYTES = 16 * 1024 * 1024
const DOWNLOAD_TIMEOUT_MS = 10_000

export function classifyImageInput(value: string): ImageInputKind {
  if (isUuid(value)) return 'uuid'
  if (/^https?:\/\//i.test(value)) return 'url'
  if (/^data:/i.test(value)) return 'dataUri'
  return 'base64'
}

function decodeBase64(text: string, what: string): Buffer {
  const compact = text.replace(/\s+/g, '')
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
    throw new ImageInputError(`${what} is not valid base64.`, 'invalid')
  }
  return Buffer.from(compact, 'base64')
}

function decodeDataUri(value: string): Buffer {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/is.exec(value)
  if (!match) throw new ImageInputError('The data URI is malformed.', 'invalid')
  const mime = match[1]!.toLowerCase()
  if (!['image/png', 'image/jpeg', 'image/jpg', 'image/webp'].includes(mime)) {
    throw new ImageInputError(`The data URI has media type '${mime || 'none'}'; supported are image/png, image/jpeg and image/webp.`, 'invalid')
  }
  if (!/;base64$/i.test(match[2]!)) throw new ImageInputError('The data URI must be base64 encoded.', 'invalid')
  return decodeBase64(match[3]!, 'The data URI payload')
}

async function download(ctx: EmulatorContext, value: string): Promise<Buffer> {
  const url = new URL(value)
  const own = new URL(ctx.baseUrl)
  const served = /^\/images\/([0-9a-f-]{36})\.(\w+)$/i.exec(url.pathname)
  if (url.host === own.host && served) {
    // The emulator's own URLs are answered from memory: same result, no loopback round trip.
    const image = ctx.images.served(served[1]!, served[2]!.toLowerCase(), Date.now())
    if (!image) throw new ImageInputError(`Failed to download ${value}: HTTP 404.`, 'download')
    return image.bytes
  }
  const { signal, release } = ctx.life.signal(DOWNLOAD_TIMEOUT_MS)
  try {
    const response = await fetch(value, { signal })
    if (!response.ok) throw new ImageInputError(`Failed to download ${value}: HTTP ${response.status}.`, 'download')
    const bytes = Buffer.from(await response.arrayBuffer())
    if (bytes.length > MAX_DOWNLOAD_BYTES) throw new ImageInputError(`The image at ${value} is larger than 16 MB.`, 'invalid')
    return bytes
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError(`Failed to download ${value}: ${(error as Error).message}.`, 'download')
  } finally {
    release()
  }
}

/** Checks that the bytes are a whole PNG/JPEG/WEBP image, decoding them in full. */
export async function verifyImage(bytes: Buffer): Promise<LoadedImage> {
  try {
    const meta = await sharp(bytes).metadata()
    if (!isImageFormat(meta.format)) {
      throw new ImageInputError(`Unsupported image format '${meta.format ?? 'unknown'}'; supported are PNG, JPG and WEBP.`, 'invalid')
    }
    // A tiny resize still reads every scanline, so truncated or corrupt data is caught here.
    await sharp(bytes).resize(16, 16, { fit: 'inside' }).raw().toBuffer()
    return { bytes, format: meta.format, width: meta.width ?? 0, height: meta.height ?? 0 }
  } catch (error) {
    if (error instanceof ImageInputError) throw error
    throw new ImageInputError(`The image could not be decoded (${(error as Error).message.trim()}).`, 'invalid')
  }
}

export async function loadImageInput(ctx: EmulatorContext, value: string): Promise<LoadedImage> {
  const kind = classifyImageInput(value)
  if (kind === 'uuid') {
    const stored = ctx.images.get(value)
    if (!stored) throw new ImageInputError(`No uploaded or generated image has the UUID ${value}.`, 'invalid')
    return verifyImage(stored.bytes)
  }
  if (kind === 'url') return verifyImage(await download(ctx, value))
  if (kind === 'dataUri') return verifyImage(decodeDataUri(value))
  return verifyImage(decodeBase64(value, 'The value'))
}
