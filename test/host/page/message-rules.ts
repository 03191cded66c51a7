// Figma's rule for pluginMessage payloads: objects, arrays, numbers,
// strings, booleans, null, undefined, Date and Uint8Array; no Blob, no ArrayBuffer, no other
// typed array. A browser's postMessage would carry more than that, so the host checks each
// message itself: a plugin that only works here must not pass the tests.

export function findPayloadViolation(value: unknown, path = 'pluginMessage', seen = new Set<object>()): string | null {
  if (value === null || value === undefined) return null
  const kind = typeof value
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return null
  if (kind === 'bigint' || kind === 'symbol' || kind === 'function') return `${path} is a ${kind}, which Figma cannot send`
  const object = value as object
  if (object instanceof Uint8Array || object instanceof Date) return null
  if (ArrayBuffer.isView(object)) return `${path} is a ${object.constructor.name}: only Uint8Array crosses`
  if (object instanceof ArrayBuffer) return `${path} is an ArrayBuffer: wrap it in a Uint8Array`
  if (typeof Blob !== 'undefined' && object instanceof Blob) return `${path} is a Blob: send its bytes as a Uint8Array`
  if (object instanceof Map || object instanceof Set) return `${path} is a ${object.constructor.name}, which Figma does not send`
  if (seen.has(object)) return null
  seen.add(object)
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length; i++) {
      const found = findPayloadViolation(object[i], `${path}[${i}]`, seen)
      if (found) return found
    }
    return null
  }
  for (const [key, child] of Object.entries(object)) {
    const found = findPayloadViolation(child, `${path}.${key}`, seen)
    if (found) return found
  }
  return null
}
