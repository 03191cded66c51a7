import type { PluginToUi } from '../common/protocol'

// The one way the sandbox talks to the UI (plugin.ts makes it from figma.ui.postMessage).
// Typed, not parsed: the UI parses every message on arrival, and only the receiving side
// bundles a direction's schemas.

export type Post = (message: PluginToUi) => void
