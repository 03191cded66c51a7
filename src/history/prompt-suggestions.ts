import { shorten } from '../common/shorten'

// Quick Actions suggestions for the prompt parameter: what is being typed (free text is
// allowed), then earlier prompts that contain it, newest first.

export const MAX_SUGGESTIONS = 8
/** Long prompts would fill the Quick Actions list; the full text is in `data`. */
const SUGGESTION_NAME_LENGTH = 90

export interface PromptSuggestion {
  name: string
  data: string
}

function matches(prompt: string, words: string[]): boolean {
  const text = prompt.toLowerCase()
  return words.every((word) => text.includes(word))
}

export function promptSuggestionsFrom(query: string, earlier: readonly string[]): PromptSuggestion[] {
  const typed = query.trim()
  const words = typed.toLowerCase().split(/\s+/).filter(Boolean)
  const out: PromptSuggestion[] = []
  const seen = new Set<string>()
  const add = (prompt: string) => {
    const text = prompt.trim()
    if (!text || seen.has(text) || out.length >= MAX_SUGGESTIONS) return
    seen.add(text)
    out.push({ name: shorten(text, SUGGESTION_NAME_LENGTH), data: text })
  }
  add(typed)
  for (const prompt of earlier) if (matches(prompt, words)) add(prompt)
  return out
}
