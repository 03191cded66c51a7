import type { Handlers } from '../messages/router'
import { pageOf } from '../placement/position'
import type { PluginContext } from './context'
import { notify } from './context'

// Small requests about the canvas and the plugin window.

type CanvasHandlers = Pick<Handlers, 'select-nodes' | 'notify' | 'resize-ui'>

export function createCanvasHandlers(context: PluginContext): CanvasHandlers {
  const { figma, post } = context

  return {
    async 'select-nodes'({ requestId, nodeIds }) {
      const nodes: SceneNode[] = []
      for (const id of new Set(nodeIds)) {
        // figma-platform.md §6.8: getNodeByIdAsync, as the synchronous lookup throws under dynamic-page.
        const node = await figma.getNodeByIdAsync(id)
        if (!node || node.removed || node.type === 'PAGE' || node.type === 'DOCUMENT') continue
        if (pageOf(node) === figma.currentPage) nodes.push(node)
      }
      if (nodes.length > 0) {
        figma.currentPage.selection = nodes
        figma.viewport.scrollAndZoomIntoView(nodes)
      }
      post({ type: 'nodes-selected', requestId, found: nodes.length })
    },

    notify({ message, error }) {
      notify(figma, message, error ?? false)
    },

    'resize-ui'({ width, height }) {
      figma.ui.resize(width, height)
    },
  }
}
