import type { Handlers } from '../messages/router'
import { findSceneNodes, pageOf } from '../placement/position'
import type { PluginContext } from './context'
import { notify } from './context'

// Small requests about the canvas and the plugin window.

type CanvasHandlers = Pick<Handlers, 'select-nodes' | 'notify' | 'resize-ui'>

export function createCanvasHandlers(context: PluginContext): CanvasHandlers {
  const { figma, post } = context

  return {
    async 'select-nodes'({ requestId, nodeIds, asReferences }) {
      const found = await findSceneNodes(figma, new Set(nodeIds))
      const nodes = found.filter((node) => pageOf(node) === figma.currentPage)
      if (nodes.length > 0) {
        // Show is the plugin's own doing and leaves the references alone, unless asked to offer these
        if (!asReferences) context.watcher.markOwn(nodes)
        figma.currentPage.selection = nodes
        figma.viewport.scrollAndZoomIntoView(nodes)
      }
      post({ type: 'nodes-selected', requestId, found: nodes.length })
    },

    notify({ message, error }) {
      notify(figma, message, error)
    },

    'resize-ui'({ width, height }) {
      figma.ui.resize(width, height)
      Object.assign(context.uiWindow, { width, height })
    },
  }
}
