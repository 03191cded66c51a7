import * as z from 'zod/mini'

import { MAX_PROMPT_LENGTH } from './protocol/limits'

export { MAX_PROMPT_LENGTH }

/**
 * Runway counts the prompt in UTF-16 code units, which is JS `length`;
 * zod's own maxLength counts code points and would let 501 emoji (1002 units) through.
 */
export function utf16AtMost(limit: number) {
  return z.refine<string>((value) => value.length <= limit, `At most ${limit} characters`)
}
