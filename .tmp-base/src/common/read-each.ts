import type * as z from 'zod/mini'

/**
 * The entries of a stored list that still parse: data a newer or older build wrote is dropped
 * entry by entry, never as a whole list, and anything that is no list gives an empty one.
 */
export function readEach<T>(schema: z.ZodMiniType<T>, stored: unknown): T[] {
  if (!Array.isArray(stored)) return []
  const entries: T[] = []
  for (const item of stored) {
    const parsed = schema.safeParse(item)
    if (parsed.success) entries.push(parsed.data)
  }
  return entries
}
