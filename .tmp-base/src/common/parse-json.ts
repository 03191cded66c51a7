import type * as z from 'zod/mini'

/**
 * JSON text read back from the document (plugin data), parsed with `schema`. Any collaborator or
 * another build may have written it, so anything unreadable counts as "nothing there".
 */
export function parseJsonWith<T>(schema: z.ZodMiniType<T>, text: string): T | undefined {
  if (!text) return undefined
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}
