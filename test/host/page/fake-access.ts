// The host's few reaches into the fake beyond its public FigmaFake API, kept in one place.
// - Reading as the host: after figma.closePlugin() the fake refuses plugin-level calls, but the
//   host must still draw the document, dump it and read image bytes. The fake's own helpers
//   (select, addFrame, allNodes) mark such work with ctx.hostDepth; the host does the same.
// - Reopening: "Reload plugin" must run the plugin again on the same document and the same
//   clientStorage, as Figma does. The fake has no API for a second run (closed is final), so
//   the host clears the closed state itself. To be replaced by a fake API (see the report).
import { asHost, type FakeContext } from '../../figma-fake/context'
import type { FigmaFake } from '../../figma-fake/index'
import type { FakeState } from '../../figma-fake/state'

interface Internals {
  _ctx: FakeContext
  _state: FakeState
}

function internals(fake: FigmaFake): Internals {
  return fake.figma as unknown as Internals
}

/** Runs host work (drawing, dumps, tests) without counting as a call by the plugin. */
export function asHostOf<T>(fake: FigmaFake, work: () => T): T {
  return asHost(internals(fake)._ctx, work)
}

/** After closePlugin: a fresh run of the plugin may use the API again. */
export function reopen(fake: FigmaFake, command?: string): void {
  const { _ctx, _state } = internals(fake)
  _ctx.closed = false
  _state.closing = false
  _state.closeMessage = undefined
  // figma.command is read by the plugin's main code, before the run event carries it.
  if (command !== undefined) _state.command = command
}
