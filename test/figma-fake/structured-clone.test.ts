import { describe, expect, it } from 'vitest'
import { cloneValue, MESSAGE_RULES, STORAGE_RULES } from './structured-clone'

describe('cloneValue', () => {
  it('drops prototypes and methods, keeping own enumerable data', () => {
    class Point {
      constructor(public x: number, public y: number) {}
      length(): number { return Math.hypot(this.x, this.y) }
    }
    const copy = cloneValue({ p: new Point(3, 4) }, MESSAGE_RULES) as { p: Record<string, unknown> }
    expect(copy.p).toEqual({ x: 3, y: 4 })
    expect(Object.getPrototypeOf(copy.p)).toBe(Object.prototype)
    expect(copy.p.length).toBeUndefined()
  })

  it('keeps undefined members, shared references and cycles like structured clone', () => {
    const shared = { n: 1 }
    const value: Record<string, unknown> = { a: shared, b: shared, u: undefined }
    value.self = value
    const copy = cloneValue(value, MESSAGE_RULES) as Record<string, unknown>
    expect(copy.a).toBe(copy.b)
    expect(copy.self).toBe(copy)
    expect('u' in copy).toBe(true)
  })

  it('turns a Node Buffer into a plain Uint8Array of the same bytes', () => {
    const copy = cloneValue(Buffer.from([1, 2, 3]), MESSAGE_RULES)
    expect(copy).toEqual(new Uint8Array([1, 2, 3]))
    expect(Object.getPrototypeOf(copy)).toBe(Uint8Array.prototype)
  })

  it('refuses types outside the documented lists', () => {
    for (const value of [new Map(), new Set(), /x/, 10n, Symbol('s'), new DataView(new ArrayBuffer(1))]) {
      expect(() => cloneValue({ value }, MESSAGE_RULES)).toThrow(/cannot carry/)
    }
    expect(() => cloneValue(new Date(), STORAGE_RULES)).toThrow(/clientStorage.setAsync: cannot carry a Date/)
  })
})
