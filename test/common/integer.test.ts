import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'

import { integer } from '../../src/common/integer'

// integer() stands in for z.int() in the shared schemas (a smaller sandbox bundle), so it must
// accept and refuse exactly what z.int() does.

const values: unknown[] = [
  0, -0, 1, -7, 1440, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, -(2 ** 53), 1.5, -0.25, 1e300,
  NaN, Infinity, -Infinity, '3', null, undefined, true, 3n, [3], { valueOf: () => 3 },
]

describe('integer', () => {
  it.each(values.map((value) => [String(value), value]))('agrees with z.int() on %s', (_, value) => {
    expect(integer().safeParse(value).success).toBe(z.int().safeParse(value).success)
  })

  it('accepts whole numbers in the safe range and refuses the rest', () => {
    expect(integer().safeParse(4096).success).toBe(true)
    expect(integer().safeParse(2 ** 53).success).toBe(false)
    expect(integer().safeParse(0.5).success).toBe(false)
  })
})
