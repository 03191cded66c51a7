import * as z from 'zod/mini'

/**
 * Image bytes as they cross postMessage (a Uint8Array arrives as a Uint8Array).
 * A custom check rather than z.instanceof, which brings code of its own into the sandbox
 * bundle for this one test.
 */
export function bytes() {
  return z.custom<Uint8Array<ArrayBuffer>>((value) => value instanceof Uint8Array, 'Expected a Uint8Array')
}
