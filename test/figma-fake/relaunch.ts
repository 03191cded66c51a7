// Running the plugin again on the same document, as Figma does when the user launches it a
// second time (menu, relaunch button). The new run gets a fresh API: no listeners, no UI,
// no loaded fonts or pages beyond the current one, the API open
// again. What lives outside the plugin stays: the document and its plugin data, images,
// selection, viewport and clientStorage (stored on the user's machine).
import type { FakeContext } from './context'
import type { ParametersImpl } from './parameters'
import type { FakeState } from './state'
import type { PageImpl } from './node-page'

export function relaunch(ctx: FakeContext, state: FakeState, closeRunning: () => void, command: string | undefined): void {
  // A plugin that is still running is closed first, as Figma closes it before the next run.
  if (!ctx.closed) closeRunning()
  ctx.closed = false
  ctx.allPagesLoaded = false
  ctx.loadedFonts.clear()
  for (const page of ctx.document._children as PageImpl[]) {
    page._loaded = page === ctx.currentPage
    page._loadCalled = false
  }
  state.closing = false
  state.closeMessage = undefined
  if (command !== undefined) state.command = command
  state.events.clear()
  state.ui.close()
  state.ui.onmessage = undefined
  state.ui.pluginListeners.clear()
  ;(state.parameters as ParametersImpl)._input.clear()
}
