// Where a run's results go, decided before any image exists so each placeholder can sit at
// its final place and size from the start. Pure: page content comes in as rectangles.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export interface Point {
  x: number
  y: number
}

// The spacing as plain constants: this module imports nothing, so esbuild inlines them where
// they are used and the sandbox bundle carries no LAYOUT object. LAYOUT names them for tests.

/** Between the source frames and the run's section. */
const SOURCE_GAP = 80
/** Between results inside a section. */
const SLOT_GAP = 40
/** Inside the section, around the results; leaves room for the section's title. */
const PADDING = 80
/** Between a run and the one below it, and the margin kept around other content. */
const RUN_GAP = 80
/** A row wraps into a grid past this many results. */
const MAX_COLUMNS = 5

export const LAYOUT = {
  sourceGap: SOURCE_GAP,
  slotGap: SLOT_GAP,
  padding: PADDING,
  runGap: RUN_GAP,
  maxColumns: MAX_COLUMNS,
} as const

export interface LayoutInput {
  count: number
  size: { width: number; height: number }
  /** Bounds of the source frames (their top-level containers), or null when none is left. */
  sources: Rect | null
  /** Where to go when there are no sources: the viewport centre. */
  fallbackCentre: Point
  /** Top-level content already on the page. */
  occupied: readonly Rect[]
  /** Sections of earlier runs from the same sources: the new run goes below them. */
  previousRuns: readonly Rect[]
  /** Room kept under each result for its caption (0 without captions). */
  captionSpace?: number
}

export interface RunLayout {
  section: Rect
  /** Page-space rectangles, one per result, in result order. */
  slots: Rect[]
  columns: number
  rows: number
}

export function unionOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null
  const left = Math.min(...rects.map((r) => r.x))
  const top = Math.min(...rects.map((r) => r.y))
  const right = Math.max(...rects.map((r) => r.x + r.width))
  const bottom = Math.max(...rects.map((r) => r.y + r.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** True when the rectangles share area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function grow(rect: Rect, margin: number): Rect {
  return { x: rect.x - margin, y: rect.y - margin, width: rect.width + 2 * margin, height: rect.height + 2 * margin }
}

/** Moves `rect` down until it keeps `margin` clear of every occupied rectangle. */
export function moveDownUntilFree(rect: Rect, occupied: readonly Rect[], margin: number): Rect {
  let candidate = rect
  // Each pass moves strictly down past at least one rectangle, so this ends.
  for (;;) {
    const blocking = occupied.filter((other) => other.width > 0 && other.height > 0 && overlaps(grow(candidate, margin), other))
    if (blocking.length === 0) return candidate
    const below = Math.max(...blocking.map((other) => other.y + other.height + margin))
    candidate = { ...candidate, y: below }
  }
}

export function planRunLayout(input: LayoutInput): RunLayout {
  const { count, size } = input
  const pitch = size.height + (input.captionSpace ?? 0)
  const columns = Math.min(count, MAX_COLUMNS)
  const rows = Math.ceil(count / MAX_COLUMNS)
  const width = columns * size.width + (columns - 1) * SLOT_GAP + 2 * PADDING
  const height = rows * pitch + (rows - 1) * SLOT_GAP + 2 * PADDING

  let start: Point
  if (input.sources) {
    // -Infinity without earlier runs: Math.max of nothing
    const previousBottom = Math.max(...input.previousRuns.map((r) => r.y + r.height + RUN_GAP))
    start = { x: input.sources.x + input.sources.width + SOURCE_GAP, y: Math.max(input.sources.y, previousBottom) }
  } else {
    start = { x: input.fallbackCentre.x - width / 2, y: input.fallbackCentre.y - height / 2 }
  }
  const section = moveDownUntilFree({ x: Math.round(start.x), y: Math.round(start.y), width, height }, input.occupied, RUN_GAP)

  const slots: Rect[] = []
  for (let index = 0; index < count; index += 1) {
    const column = index % MAX_COLUMNS
    const row = Math.floor(index / MAX_COLUMNS)
    slots.push({
      x: section.x + PADDING + column * (size.width + SLOT_GAP),
      y: section.y + PADDING + row * (pitch + SLOT_GAP),
      width: size.width,
      height: size.height,
    })
  }
  return { section, slots, columns, rows }
}
