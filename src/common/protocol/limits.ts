import { MAX_PROMPT_LENGTH } from '../text-limits'

// Bounds both sides hold a run to.

export const MAX_REFERENCES = 3
export { MAX_PROMPT_LENGTH }
