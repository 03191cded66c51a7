// How an error reads in a log or a message.

/** What went wrong, in words for a log or a message; `otherwise` stands in for what is no Error. */
export function reasonOf(error: unknown, otherwise?: string): string {
  return error instanceof Error ? error.message : (otherwise ?? String(error))
}

