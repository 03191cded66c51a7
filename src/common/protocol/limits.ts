import { MAX_PROMPT_LENGTH } from '../text-limits'

// Bounds both sides hold a run to.

export const MAX_REFERENCES = 3
export const MAX_RESULTS = 20
export { MAX_PROMPT_LENGTH }
