import { MAX_PROMPT_LENGTH } from '../../src/common/protocol'

// Runway counts the prompt limit in UTF-16 code units, which is exactly JS `.length`, so the
// counter and the check use `.length` (an emoji counts as 2, like it does for the API).

export function promptLength(prompt: string): number {
  return prompt.length
}

export function counterText(prompt: string): string {
  return `${promptLength(prompt)} / ${MAX_PROMPT_LENGTH}`
}

export function isPromptTooLong(prompt: string): boolean {
  return promptLength(prompt) > MAX_PROMPT_LENGTH
}

/** Why this prompt cannot be sent, in words; null when it can. */
export function promptProblem(prompt: string): string | null {
  if (prompt.length === 0) return 'Write a prompt to describe what you want'
  if (prompt.trim().length === 0) return 'The prompt is only spaces: describe what you want'
  if (isPromptTooLong(prompt)) {
    const over = promptLength(prompt) - MAX_PROMPT_LENGTH
    return `The prompt is ${over} character${over === 1 ? '' : 's'} too long (at most ${MAX_PROMPT_LENGTH})`
  }
  return null
}
