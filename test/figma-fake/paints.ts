// Paint arrays as Figma hands them out: validated on assignment, completed with Figma's
// defaults (visible, opacity, blendMode) and deeply frozen, so `node.fills = [...]` works
// while `node.fills[0].color.r = 1` or `node.fills.push(...)` throws (Figma's
// docs: "always overwrite fills"; plugin typings: paints are readonly).
import { notImplemented, rejectUnknownKeys } from './errors'

const COMMON = ['type', 'visible', 'opacity', 'blendMode']
const GRADIENTS = ['GRADIENT_LINEAR', 'GRADIENT_RADIAL', 'GRADIENT_ANGULAR', 'GRADIENT_DIAMOND']
const KEYS: Record<string, string[]> = {
  SOLID: [...COMMON, 'color', 'boundVariables'],
  IMAGE: [...COMMON, 'scaleMode', 'imageHash', 'imageTransform', 'scalingFactor', 'rotation', 'filters'],
  ...Object.fromEntries(GRADIENTS.map((type) => [type, [...COMMON, 'gradientTransform', 'gradientStops']])),
}
const SCALE_MODES = ['FILL', 'FIT', 'CROP', 'TILE']

export function solid(r: number, g: number, b: number): SolidPaint {
  return deepFreeze(normalizePaint({ type: 'SOLID', color: { r, g, b } }, 'fills[0]', () => true) as SolidPaint)
}

// plugin typings: createFrame() has a white background; Figma's default rectangle fill is
// #D9D9D9; text is black.
export const WHITE = (): ReadonlyArray<Paint> => Object.freeze([solid(1, 1, 1)])
export const DEFAULT_SHAPE_GREY = (): ReadonlyArray<Paint> => Object.freeze([solid(217 / 255, 217 / 255, 217 / 255)])
export const BLACK = (): ReadonlyArray<Paint> => Object.freeze([solid(0, 0, 0)])

export function normalizePaints(value: unknown, property: 'fills' | 'strokes', imageExists: (hash: string) => boolean): ReadonlyArray<Paint> {
  if (typeof value === 'symbol') throw new Error(`in set_${property}: figma.mixed cannot be assigned`)
  if (!Array.isArray(value)) throw new TypeError(`in set_${property}: Expected "${property}" to be an array of paints`)
  return deepFreeze(value.map((paint, i) => normalizePaint(paint, `${property}[${i}]`, imageExists)))
}

function normalizePaint(paint: unknown, path: string, imageExists: (hash: string) => boolean): Paint {
  if (typeof paint !== 'object' || paint === null) throw new TypeError(`in ${op(path)}: Expected "${path}" to be a paint object`)
  const p = paint as Record<string, unknown>
  const type = p.type
  if (type === 'VIDEO' || type === 'PATTERN') notImplemented(`${type} paints`)
  const keys = typeof type === 'string' ? KEYS[type] : undefined
  if (!keys) throw new Error(`in ${op(path)}: Invalid paint type ${JSON.stringify(type)} at "${path}"`)
  rejectUnknownKeys(`${op(path)} (${path})`, p, keys)
  const base = {
    visible: optional(p.visible, 'boolean', `${path}.visible`, true),
    opacity: unit(p.opacity ?? 1, `${path}.opacity`),
    blendMode: optional(p.blendMode, 'string', `${path}.blendMode`, 'NORMAL'),
  }
  if (type === 'SOLID') {
    const color = p.color as Record<string, unknown> | undefined
    if (typeof color !== 'object' || color === null) throw new TypeError(`in ${op(path)}: Expected "${path}.color" to be an RGB object`)
    // Figma's RGB has exactly r, g, b; an alpha belongs in the paint's opacity.
    rejectUnknownKeys(`${op(path)} (${path}.color)`, color, ['r', 'g', 'b'])
    const rgb = { r: unit(color.r, `${path}.color.r`), g: unit(color.g, `${path}.color.g`), b: unit(color.b, `${path}.color.b`) }
    return { type, ...base, color: rgb, boundVariables: p.boundVariables ?? {} } as SolidPaint
  }
  if (type === 'IMAGE') {
    if (!SCALE_MODES.includes(p.scaleMode as string)) throw new Error(`in ${op(path)}: Expected "${path}.scaleMode" to be one of ${SCALE_MODES.join(', ')}`)
    const hash = p.imageHash
    if (hash !== null && typeof hash !== 'string') throw new TypeError(`in ${op(path)}: Expected "${path}.imageHash" to be a string or null`)
    // The fake only knows images made with createImage/createImageAsync in this session, so
    // an invented hash is a product bug it reports.
    if (typeof hash === 'string' && !imageExists(hash)) throw new Error(`in ${op(path)}: No image with hash "${hash}" (create it with figma.createImage first)`)
    return { ...p, ...base, type, scaleMode: p.scaleMode, imageHash: hash } as ImagePaint
  }
  return { ...p, ...base, type } as GradientPaint
}

function unit(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`in ${op(path)}: Expected "${path}" to be a number between 0 and 1, got ${String(value)}`)
  }
  return value
}

function optional<T>(value: unknown, type: string, path: string, fallback: T): T {
  if (value === undefined) return fallback
  if (typeof value !== type) throw new TypeError(`in ${op(path)}: Expected "${path}" to be a ${type}`)
  return value as T
}

// 'fills[0].color.r' → 'set_fills', the form Figma's validation errors start with.
function op(path: string): string {
  return `set_${path.split(/[[.]/)[0]}`
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
