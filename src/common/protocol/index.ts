// The one message protocol between the plugin sandbox (src/) and the UI iframe (ui/). Each
// side parses every message it receives on arrival with zod: postMessage is exactly where
// types lie, so an invalid message is refused with a logged reason and never half-applied.
// The schemas live one file per direction, so each bundle carries only what it receives:
// ui-to-plugin.ts (parsed by the sandbox), plugin-to-ui.ts (parsed by the UI), and
// run-plan.ts (parsed by both). This file holds only types and limits, which either side may
// import without pulling a schema into its bundle.

export { MAX_CANDIDATES, MAX_PROMPT_LENGTH, MAX_REFERENCES, MAX_RESULTS } from './limits'
export type { ParseResult } from './parse-message'
export type { BoardStyle, PendingRun, RunPlan } from './run-plan'
export type { StoredSettings, UiToPlugin } from './ui-to-plugin'
export type { PluginToUi, ReferenceMeta, SelectionState } from './plugin-to-ui'
