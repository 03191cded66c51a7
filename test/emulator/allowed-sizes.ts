// runway:4@2 accepts exactly these width×height pairs. The emulator keeps
// its own copy instead of importing the plugin's list, so a mistake there cannot hide here.
export const ALLOWED_SIZES: ReadonlyArray<readonly [number, number]> = [
  [1920, 1080], [1080, 1920], [1080, 1080], [1440, 1080], [1080, 1440], [2112, 912],
  [1024, 1024], [1360, 768], [1168, 880], [1808, 768],
  [1280, 720], [720, 1280], [720, 720], [960, 720], [720, 960], [1680, 720],
]

// The real default is unknown; the emulator picks 16:9 at 1080p,
// the same default Replicate documents for this model.
export const DEFAULT_SIZE = { width: 1920, height: 1080 } as const

export function isAllowedSize(width: number, height: number): boolean {
  return ALLOWED_SIZES.some(([w, h]) => w === width && h === height)
}
