// Copies values the way they cross Figma's boundaries, refusing what Figma refuses.
// postMessage carries "objects, arrays, numbers, strings, booleans,
// null, undefined, Date objects and Uint8Array objects"; "you cannot send Blob objects,
// ArrayBuffers or TypedArray objects other than Uint8Array"; prototypes and methods are lost.
// clientStorage stores objects, arrays, strings, numbers, booleans, null, undefined and
// Uint8Array. Anything outside those lists (Map, Set, functions, BigInt, ...) is refused
// here, so product code cannot depend on what Figma does not promise to carry.

import { isHostObject } from './host-objects'

export interface CloneRules {
  // Names the operation in error messages, e.g. 'figma.ui.postMessage'.
  readonly operation: string
  readonly allowDate: boolean
  // What the operation accepts, for the error message.
  readonly accepts: string
}

export const MESSAGE_RULES: CloneRules = {
  operation: 'figma.ui.postMessage',
  allowDate: true,
  accepts: 'objects, arrays, numbers, strings, booleans, null, undefined, Date and Uint8Array',
}

export const STORAGE_RULES: CloneRules = {
  operation: 'figma.clientStorage.setAsync',
  allowDate: false,
  accepts: 'objects, arrays, numbers, strings, booleans, null, undefined and Uint8Array',
}

export class UncloneableError extends Error {
  override name = 'DataCloneError'
}

export function cloneValue(value: unknown, rules: CloneRules): unknown {
  return copy(value, rules, 'value', new Map())
}

function copy(value: unknown, rules: CloneRules, path: string, seen: Map<object, unknown>): unknown {
  if (value === null || value === undefined) return value
  const kind = typeof value
  if (kind === 'string' || kind === 'number' || kind === 'boolean') return value
  if (kind !== 'object') refuse(rules, path, kind === 'function' ? 'a function' : `a ${kind}`)
  const object = value as object
  const earlier = seen.get(object)
  if (earlier !== undefined) return earlier

  if (isHostObject(object)) refuse(rules, path, 'a Figma node or API object', 'send plain data such as node.id instead')
  if (object instanceof Uint8Array) {
    // Figma's sandbox has no Buffer; a Node Buffer arrives as a plain Uint8Array copy.
    const bytes = new Uint8Array(object)
    seen.set(object, bytes)
    return bytes
  }
  if (ArrayBuffer.isView(object)) {
    refuse(rules, path, `a ${object.constructor.name}`, 'only Uint8Array may carry bytes')
  }
  if (object instanceof ArrayBuffer || isShared(object)) {
    refuse(rules, path, 'an ArrayBuffer', 'wrap the bytes: new Uint8Array(buffer)')
  }
  if (typeof Blob !== 'undefined' && object instanceof Blob) {
    refuse(rules, path, 'a Blob', 'read it into a Uint8Array first')
  }
  if (object instanceof Date) {
    if (!rules.allowDate) refuse(rules, path, 'a Date', 'store a number or ISO string')
    const date = new Date(object.getTime())
    seen.set(object, date)
    return date
  }
  if (object instanceof Map || object instanceof Set || object instanceof RegExp || object instanceof Error || object instanceof Promise) {
    refuse(rules, path, `a ${object.constructor.name}`)
  }
  if (Array.isArray(object)) {
    const out: unknown[] = []
    seen.set(object, out)
    for (let i = 0; i < object.length; i++) out[i] = copy(object[i], rules, `${path}[${i}]`, seen)
    return out
  }
  // Plain objects and class instances alike become plain objects of their own enumerable
  // string-keyed properties: the prototype and its methods are dropped.
  const out: Record<string, unknown> = {}
  seen.set(object, out)
  for (const key of Object.keys(object)) {
    out[key] = copy((object as Record<string, unknown>)[key], rules, `${path}.${key}`, seen)
  }
  return out
}

function isShared(object: object): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && object instanceof SharedArrayBuffer
}

function refuse(rules: CloneRules, path: string, what: string, hint?: string): never {
  const reason = `${rules.operation}: cannot carry ${what} (at ${path}); it accepts ${rules.accepts}`
  throw new UncloneableError(hint ? `${reason}: ${hint}` : reason)
}
