// Imports in the order that measured smallest: esbuild emits modules in the order they are
// first imported, and gzip's 32 KB window matches each stretch of code.js against what came
// shortly before. zod still leads (placeholders → page-content pulls it in first); the rest is
// the order a search over single moves found, 15650 → 15600 B gzip. Moving an import here
// changes the bundle's size: measure it.
import { createLabelFontLoader } from './placement/placeholders'
import { notify } from './handlers/context'
import { endRun } from './placement/end-run'
import { promptSuggestionsFrom } from './history/prompt-suggestions'
import { needsParameters, PROMPT_PARAMETER, promptFrom } from './launch'
import { createRouter } from './messages/router'
import { createSelectionWatcher } from './selection-watcher'
import { createReferenceHandlers } from './handlers/reference-handlers'
import { reportBoardStyle } from './board-style'
import type { PluginContext } from './handlers/context'
import { createRecoveryHandlers } from './handlers/recovery-handlers'
import { createRunHandlers } from './handlers/run-handlers'
import { createCanvasHandlers } from './handlers/canvas-handlers'
import { createUploadCacheStore } from './storage/upload-cache-store'
import { createPendingRunsStore } from './storage/pending-runs-store'
import { createHistoryStore } from './storage/history-store'
import { createSettingsStore, lastPromptOf } from './storage/settings-store'
import { createApiKeyStore } from './storage/api-key-store'
import { createQuickHandlers } from './handlers/quick-handlers'
import { createUploadCacheHandlers } from './handlers/upload-cache-handlers'
import { createSetupHandlers } from './handlers/setup-handlers'
import { createHistoryHandlers } from './handlers/history-handlers'
import type { Post } from './messages/post'

// The sandbox, wired together. `figma` is passed in rather than read from the global so the
// tests can run the same code against the in-memory Figma fake.

export const UI_SIZE = { width: 360, height: 640 } as const
export const UI_TITLE = 'Gen-4 Moodboard'

export interface PluginSession {
  /** Resolves once every message received so far has been handled. */
  idle(): Promise<void>
}

export function createPlugin(figma: PluginAPI, html: string): PluginSession {
  let shown = false
  const uiWindow = { ...UI_SIZE, visible: false }
  function show(visible = true): void {
    // Calling showUI again would close the open window first.
    if (shown) return
    shown = true
    uiWindow.visible = visible
    // themeColors gives the UI Figma's light/dark variables. A Quick
    // Actions run opens it hidden: the network lives in the iframe, the window is not wanted.
    figma.showUI(html, { themeColors: true, ...UI_SIZE, title: UI_TITLE, visible })
  }

  let command = figma.command ?? ''
  let launchPrompt: string | undefined
  if (!needsParameters(command)) show()

  const post: Post = (message) => figma.ui.postMessage(message)
  const context: PluginContext = {
    figma,
    post,
    settings: createSettingsStore(figma.clientStorage),
    apiKey: createApiKeyStore(figma.clientStorage),
    registry: new Map(),
    pendingRuns: createPendingRunsStore(figma.clientStorage),
    uploads: createUploadCacheStore(figma.clientStorage),
    watcher: createSelectionWatcher({ figma, post, warn: (message) => notify(figma, message, true) }),
    loadLabelFont: createLabelFontLoader(figma),
    uiWindow,
    command: () => command,
    launchPrompt: () => launchPrompt,
  }

  const history = createHistoryStore(figma.clientStorage)
  const route = createRouter({
    handlers: {
      ...createSetupHandlers(context),
      ...createRunHandlers(context),
      ...createCanvasHandlers(context),
      ...createReferenceHandlers(context),
      ...createHistoryHandlers(context, history),
      ...createQuickHandlers(context),
      ...createRecoveryHandlers(context),
      ...createUploadCacheHandlers(context.uploads),
    },
    post,
    onUnexpected: (type) => notify(figma, `Something went wrong (${type}). Try again.`, true),
  })

  // One message at a time, in arrival order: a result and the end of its run must not
  // interleave across their awaits.
  let queue: Promise<void> = Promise.resolve()
  figma.ui.onmessage = (raw: unknown) => {
    queue = queue.then(() => route(raw))
  }

  // `run` fires on every launch, carrying the menu or relaunch command
  // and, after Quick Actions, the parameters typed there.
  figma.on('run', (event: RunEvent) => {
    command = event.command ?? command
    launchPrompt = promptFrom(event.parameters) ?? launchPrompt
    // With a prompt, "Generate from selection" runs without the window; without one (no
    // parameters were typed) the full window opens with the last settings instead.
    show(!(needsParameters(command) && launchPrompt !== undefined))
  })

  figma.parameters.on('input', ({ key, query, result }: ParameterInputEvent) => {
    if (key !== PROMPT_PARAMETER) {
      result.setSuggestions([])
      return
    }
    // Earlier prompts from History, newest first, then the last one typed in the window.
    void Promise.all([history.read(), context.settings.load()]).then(([{ entries }, settings]) =>
      result.setSuggestions(promptSuggestionsFrom(query, [...entries.map((entry) => entry.prompt), lastPromptOf(settings)])),
    )
  })

  // A deleted board style is noticed on the next selection change (deleting a layer changes it)
  // and the page's own style is sent when the designer moves to another page.
  figma.on('selectionchange', () => void reportBoardStyle(figma, post, true))
  figma.on('currentpagechange', () => void reportBoardStyle(figma, post))

  // The close callback must be quick and synchronous. Placeholders of
  // runs cut short go, so nothing is left looking like it still works. Their tasks stay in
  // clientStorage (written when sent), and the next launch places what Runware still holds.
  figma.on('close', () => {
    for (const run of context.registry.values()) endRun(run)
    context.watcher.dispose()
  })

  return { idle: () => queue }
}
