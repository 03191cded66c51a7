// Small text helpers for names, labels and descriptions.

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  return `${flat.slice(0, Math.max(0, max - 1)).trimEnd()}…`
}

/** What went wrong, in words for a log or a message; `otherwise` stands in for what is no Error. */
export function reasonOf(error: unknown, otherwise?: string): string {
  return error instanceof Error ? error.message : (otherwise ?? String(error))
}

