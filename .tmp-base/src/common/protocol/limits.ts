// Bounds both sides hold a run to. This module imports nothing, so esbuild inlines the numbers
// wherever they are used instead of bundling them as variables.

export const MAX_REFERENCES = 3
export const MAX_RESULTS = 20
export const MAX_PROMPT_LENGTH = 1000
