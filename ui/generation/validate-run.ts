import { MAX_REFERENCES } from '../../src/common/protocol'
import { MAX_RESULTS } from '../../src/common/protocol/limits'
import { containsSecret, KEY_IN_PROMPT } from '../../src/common/secret'
import { isAllowedSize } from '../../src/common/sizes'
import { promptProblem } from '../lib/prompt'
import { unknownTagProblem } from '../lib/prompt-tags'

// The one list of reasons a run cannot start. The Generate button shows the first one; the
// run controller checks the same list again so nothing is sent when any is true.

export interface RunReference {
  nodeId: string
  /** Absent while the sandbox is still exporting it. */
  bytes?: Uint8Array
  /** Instead of bytes: an image Runware already holds (a History reference whose node is gone). */
  imageUUID?: string
}

export interface RunReadiness {
  apiKey: string | null
  consentGiven: boolean
  references: readonly RunReference[]
  prompt: string
  size: { width: number; height: number }
  count: number
  /** The references' `@tag`s, by position. */
  tags?: readonly string[]
}

export function runProblem(input: RunReadiness): string | null {
  if (!input.apiKey || input.apiKey.trim() === '') return 'Add your Runware API key first'
  // before anything else is checked: a prompt holding the key is never sent nor stored
  if (containsSecret(input.prompt, input.apiKey)) return KEY_IN_PROMPT
  if (!input.consentGiven) return 'Confirm the note about Runware first'
  if (input.references.length === 0) return 'Select 1 to 3 frames to use as references'
  if (input.references.length > MAX_REFERENCES) return `Select at most ${MAX_REFERENCES} frames`
  if (input.references.some((ref) => !ref.bytes?.length && !ref.imageUUID)) return 'Waiting for the reference images…'
  const prompt = promptProblem(input.prompt) ?? unknownTagProblem(input.prompt, input.tags ?? [])
  if (prompt) return prompt
  if (!isAllowedSize(input.size.width, input.size.height)) return 'Pick one of the listed sizes'
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_RESULTS) {
    return `Choose between 1 and ${MAX_RESULTS} results`
  }
  return null
}
