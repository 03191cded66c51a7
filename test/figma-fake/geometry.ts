// Transform and rectangle maths for node bounds and exports. x/y are
// relative to the containing parent; absoluteTransform / absoluteBoundingBox are
// page-absolute. Figma's rotation is degrees, counter-clockwise on screen, about the node's
// top-left corner: rotation = atan2(-m10, m00) (plugin typings, LayoutMixin.rotation).

export type Matrix = [[number, number, number], [number, number, number]]

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export const IDENTITY: Matrix = [[1, 0, 0], [0, 1, 0]]

export function placement(x: number, y: number, rotationDegrees: number): Matrix {
  const radians = (rotationDegrees * Math.PI) / 180
  const cos = clean(Math.cos(radians))
  const sin = clean(Math.sin(radians))
  return [[cos, sin, x], [-sin, cos, y]]
}

export function rotationOf(m: Matrix): number {
  return clean((Math.atan2(-m[1][0], m[0][0]) * 180) / Math.PI)
}

// parent · child: the child's transform expressed in the parent's parent space.
export function multiply(parent: Matrix, child: Matrix): Matrix {
  const [[a, b, c], [d, e, f]] = parent
  const [[g, h, i], [j, k, l]] = child
  return [
    [a * g + b * j, a * h + b * k, a * i + b * l + c],
    [d * g + e * j, d * h + e * k, d * i + e * l + f],
  ]
}

// Axis-aligned box around the node's rectangle (0,0,width,height) under transform m.
export function boundsOf(m: Matrix, width: number, height: number): Box {
  const corners = [[0, 0], [width, 0], [0, height], [width, height]].map(([px, py]) => [
    m[0][0] * px! + m[0][1] * py! + m[0][2],
    m[1][0] * px! + m[1][1] * py! + m[1][2],
  ])
  const xs = corners.map((c) => c[0]!)
  const ys = corners.map((c) => c[1]!)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return { x: clean(x), y: clean(y), width: clean(Math.max(...xs) - x), height: clean(Math.max(...ys) - y) }
}

export function union(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null
  const x = Math.min(...boxes.map((b) => b.x))
  const y = Math.min(...boxes.map((b) => b.y))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  return { x, y, width: right - x, height: bottom - y }
}

export function intersect(a: Box, b: Box): Box | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

export function outset(box: Box, by: number): Box {
  return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by }
}

// Floating-point noise (e.g. cos 90° = 6e-17) would leak into positions read by tests.
function clean(value: number): number {
  const rounded = Math.round(value * 1e9) / 1e9
  return Object.is(rounded, -0) ? 0 : rounded
}
