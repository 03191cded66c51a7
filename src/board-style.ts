import { parseJsonWith } from './common/parse-json'
import type { BoardStyle } from './common/protocol'
import { BoardStyleSchema } from './common/protocol/run-plan'
import type { Post } from './messages/post'
import { BOARD_STYLE_KEY } from './common/storage-keys'

// A page's board style: one reference pinned to the page, kept in the page's plugin data so
// every collaborator opening the plugin there gets it. Anything unreadable counts as none.

export function readBoardStyle(page: PageNode): BoardStyle | null {
  return parseJsonWith(BoardStyleSchema, page.getPluginData(BOARD_STYLE_KEY)) ?? null
}

export function writeBoardStyle(page: PageNode, style: BoardStyle | null): void {
  page.setPluginData(BOARD_STYLE_KEY, style ? JSON.stringify(BoardStyleSchema.parse(style)) : '')
}

/**
 * Tells the UI the current page's style. A pinned node that was deleted is unpinned here and
 * named in `gone`; with `onlyIfGone` a style still in place is not reported again.
 */
export async function reportBoardStyle(figma: PluginAPI, post: Post, onlyIfGone = false): Promise<void> {
  const page = figma.currentPage
  const style = readBoardStyle(page)
  const node = style ? await figma.getNodeByIdAsync(style.nodeId) : null
  if (style && (!node || node.removed)) {
    writeBoardStyle(page, null)
    post({ type: 'board-style', style: null, gone: style.name })
  } else if (!onlyIfGone) {
    post({ type: 'board-style', style })
  }
}
