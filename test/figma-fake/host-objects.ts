// Objects that stand for Figma host objects (nodes, figma.*). Figma's message channel and
// clientStorage carry plain data only, so structured-clone.ts refuses these by identity.

const hostObjects = new WeakSet<object>()

export function markHostObject<T extends object>(value: T): T {
  hostObjects.add(value)
  return value
}

export function isHostObject(value: object): boolean {
  return hostObjects.has(value)
}
