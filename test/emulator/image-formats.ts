// The three encodings Runware returns and how each is named on the wire.
export type ImageFormat = 'jpeg' | 'png' | 'webp'

export const EXTENSION: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' }
export const MIME: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }

export function formatFromOutput(outputFormat: 'JPG' | 'PNG' | 'WEBP'): ImageFormat {
  return outputFormat === 'JPG' ? 'jpeg' : outputFormat === 'PNG' ? 'png' : 'webp'
}

export function isImageFormat(format: string | undefined): format is ImageFormat {
  return format === 'jpeg' || format === 'png' || format === 'webp'
}
