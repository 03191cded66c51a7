// Bounds both sides hold a run to. This module imports nothing, so esbuild inlines the numbers
// wherever they are used instead of bundling them as variables.

export const MAX_REFERENCES = 3
export const MAX_RESULTS = 20
export const MAX_PROMPT_LENGTH = 1000
/** How many usable selected layers the panel lists to choose references from (a 20-result run fits). */
export const MAX_CANDIDATES = 40
