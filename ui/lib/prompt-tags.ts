// `@tag` mentions in a prompt: which it holds, which name no reference, what the designer is
// typing at the caret, and the prompt with each tag said by position instead. Pure text
// logic: the prompt field and the run controller both use it.

export interface Mention {
  /** What follows the `@`, as typed. */
  word: string
  /** Index of the `@`. */
  start: number
}

// An `@` after a letter, digit or dot is part of an address ("ana@studio.com"), not a mention.
const MENTION = /(^|[^\w.@])@(\w+)/g

export function findMentions(prompt: string): Mention[] {
  const mentions: Mention[] = []
  for (const match of prompt.matchAll(MENTION)) {
    const start = match.index + match[1]!.length
    mentions.push({ word: match[2]!, start })
  }
  return mentions
}

/** Whether the prompt names at least one of the references by its tag. */
export function usesTags(prompt: string, tags: readonly string[]): boolean {
  return findMentions(prompt).some((mention) => tags.includes(mention.word))
}

/** The tags `word` could have meant: those it is part of, or that begin as it does. */
export function closeTags(word: string, tags: readonly string[]): string[] {
  const typed = word.toLowerCase()
  return tags.filter((tag) => tag.includes(typed) || tag.startsWith(typed.slice(0, 3)))
}

/**
 * The first `@word` that names no reference, said with the tags it could be; null when none.
 * The mention starting at `typing` (the one being typed) is left alone.
 */
export function unknownTagProblem(prompt: string, tags: readonly string[], typing?: number): string | null {
  const unknown = findMentions(prompt).find((mention) => !tags.includes(mention.word) && mention.start !== typing)
  if (!unknown) return null
  const close = closeTags(unknown.word, tags)
  const named = (close.length > 0 ? close : tags).map((tag) => `@${tag}`)
  return `@${unknown.word} is not a reference tag.${named.length === 0 ? '' : close.length > 0 ? ` Did you mean ${named.join(' or ')}?` : ` The references are ${named.join(', ')}.`}`
}

const POSITIONS = ['first', 'second', 'third']

/** The prompt with each reference's `@tag` replaced by its position ("the first image"). */
export function tagsAsPositions(prompt: string, tags: readonly string[]): string {
  return prompt.replace(MENTION, (mention, before: string, word: string) => {
    const position = POSITIONS[tags.indexOf(word)]
    return position ? `${before}the ${position} image` : mention
  })
}

/** The `@` being typed just before the caret, and what follows it so far; null when none. */
export function mentionAtCaret(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = /(^|[^\w.@])@(\w*)$/.exec(before)
  if (!match) return null
  return { start: match.index + match[1]!.length, query: match[2]! }
}

/** The tags offered for what is typed after the `@`: those holding it, in reference order. */
export function tagOptions(query: string, tags: readonly string[]): string[] {
  return tags.filter((tag) => tag.includes(query.toLowerCase()))
}

/** `text` with the mention from `start` to the caret (and the rest of its word) replaced by `@tag`, and the caret after it. */
export function insertTag(text: string, start: number, caret: number, tag: string): { text: string; caret: number } {
  const rest = text.slice(caret).replace(/^\w*/, '')
  // a space after it, unless a space or punctuation already follows
  const spaced = /^[\s.,;:!?)]/.test(rest) ? '' : ' '
  const inserted = `@${tag}${spaced}`
  return { text: text.slice(0, start) + inserted + rest, caret: start + inserted.length }
}
