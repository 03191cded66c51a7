// Gen-4 names each reference image by a tag the prompt can use as `@tag`. Sources differ a
// little on the rule (3–16 characters, some allow capitals or `_`); every one of them accepts
// lowercase letters and digits, 3–15 long, starting with a letter, so tags follow that rule.

export const TAG_MIN = 3
export const TAG_MAX = 15
export const TAG_RULE = /^[a-z][a-z0-9]{2,14}$/

/** The tag a layer name gives on its own, or '' when too little of it is usable. */
export function tagFromName(name: string): string {
  const tag = name
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/^[0-9]+/, '')
    .slice(0, TAG_MAX)
  return tag.length >= TAG_MIN ? tag : ''
}

/** `base` made unique among `taken` with a digit, still at most TAG_MAX characters. */
function uniqueTag(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base
  for (let n = 2; ; n++) {
    const suffix = String(n)
    const candidate = base.slice(0, TAG_MAX - suffix.length) + suffix
    if (!taken.has(candidate)) return candidate
  }
}

/**
 * One tag per reference, in order. A valid tag the designer chose (`chosen[i]`) is kept as it
 * is; every other reference gets the tag of its name, `ref1`…`ref3` by position when the name
 * gives none, with a digit added when an earlier reference already has it.
 */
export function referenceTags(names: readonly string[], chosen: readonly (string | undefined)[] = []): string[] {
  const taken = new Set<string>()
  const fixed = names.map((_, i) => {
    const tag = chosen[i]
    if (tag === undefined || !TAG_RULE.test(tag) || taken.has(tag)) return undefined
    taken.add(tag)
    return tag
  })
  return names.map((name, i) => {
    const own = fixed[i]
    if (own !== undefined) return own
    const tag = uniqueTag(tagFromName(name) || `ref${i + 1}`, taken)
    taken.add(tag)
    return tag
  })
}

export const TAG_RULE_TEXT = '3 to 15 lowercase letters a–z or digits, starting with a letter'

/** Why `tag` cannot name a reference, in words; null when it can. */
export function tagProblem(tag: string, otherTags: readonly string[]): string | null {
  if (!TAG_RULE.test(tag)) return `A tag is ${TAG_RULE_TEXT}`
  if (otherTags.includes(tag)) return `Another reference is already @${tag}`
  return null
}
