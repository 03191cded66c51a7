// The pluggable pixel stage of exportAsync. The core computes what to export (region, pixel
// size, format); a Rasterizer turns that into encoded bytes. The default one (in
// default-rasterizer.ts) is plain JS and PNG-only; node-rasterizer.ts adds JPG and image
// fills through sharp for Node.
import type { Box } from './geometry'

export interface RasterRequest {
  format: 'PNG' | 'JPG'
  // Output size in pixels, already rounded the way exportAsync rounds it.
  width: number
  height: number
}

export interface RasterContext {
  // Page-absolute area being exported (the node's render bounds, or its bounding box with
  // useAbsoluteBounds); output pixel (0,0) is this box's top-left corner.
  region: Box
  // Bytes of an image created with createImage/createImageAsync, for painting image fills.
  imageBytes(hash: string): Uint8Array | null
}

export type Rasterizer = (
  node: SceneNode | PageNode,
  request: RasterRequest,
  context: RasterContext,
) => Promise<Uint8Array>
