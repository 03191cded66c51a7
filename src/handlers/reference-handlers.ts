import { reportBoardStyle, writeBoardStyle } from '../board-style'
import type { Handlers } from '../messages/router'
import { findSceneNodes } from '../placement/position'
import type { ExportableNode } from '../references/export-references'
import type { PluginContext } from './context'

// References the UI asks for by id (a run's own, a result, a pinned style, History's), and the
// page's board style.

type ReferenceHandlers = Pick<Handlers, 'export-references' | 'pin-style'>

export function createReferenceHandlers(context: PluginContext): ReferenceHandlers {
  const { figma, post } = context

  return {
    async 'export-references'({ requestId, nodeIds, preview }) {
      const nodes = (await findSceneNodes(figma, nodeIds)) as ExportableNode[]
      // answered after the images, so the UI has their pixels once the request resolves
      await context.watcher.exportNodes(nodes, preview === true, (selectionId, references) => {
        const found = new Set(references.map((reference) => reference.nodeId))
        post({ type: 'references-exported', requestId, selectionId, references, missing: nodeIds.filter((id) => !found.has(id)) })
      })
    },

    async 'pin-style'({ style }) {
      writeBoardStyle(figma.currentPage, style)
      await reportBoardStyle(figma, post)
    },
  }
}
