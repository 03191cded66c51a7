// Figma places images of at most 4096 px per side, whether from bytes
// (createImage) or a URL (createImageAsync). This module imports nothing, so esbuild inlines
// the limit into the message.

export const MAX_IMAGE_SIDE = 4096

/** Why Figma will not place an image of this size, or undefined when it will. */
export function tooLargeMessage({ width, height }: { width: number; height: number }): string | undefined {
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return `The image is ${width}×${height} px; Figma places images up to ${MAX_IMAGE_SIDE} px per side.`
  }
  return undefined
}
