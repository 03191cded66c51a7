import type { ReferenceMeta } from '../common/protocol'
import { planExport } from './export-size'
import type { ExportPlan } from './export-size'
import { boundsOf, kindOf } from './usable-nodes'

// Turns a usable selected node into what the UI needs: its description first (sent at
// once), then its pixels (one image per message: one huge message would be cloned whole).

export type ExportableNode = SceneNode & ExportMixin

export interface PreparedReference {
  node: ExportableNode
  meta: ReferenceMeta
  plan: ExportPlan
}

export function prepareReference(node: ExportableNode): PreparedReference {
  // The page-space box, so a rotated layer is measured as it exports: by its bounds.
  const box = boundsOf(node)
  const width = box?.width ?? node.width
  const height = box?.height ?? node.height
  const plan = planExport(width, height)
  return {
    node,
    plan,
    meta: {
      nodeId: node.id,
      name: node.name,
      width,
      height,
      pixelWidth: plan.pixelWidth,
      pixelHeight: plan.pixelHeight,
      kind: kindOf(node as { type?: string; fills?: unknown }),
    },
  }
}

/** Long side of a preview: a thumbnail for the panel, a fraction of a full export's cost. */
export const PREVIEW_LONG_SIDE = 128

export function exportReference(reference: PreparedReference, preview = false): Promise<Uint8Array> {
  const { width, height } = reference.meta
  const side = width >= height ? 'WIDTH' : 'HEIGHT'
  return reference.node.exportAsync({
    format: 'PNG',
    constraint: preview ? { type: side, value: PREVIEW_LONG_SIDE } : reference.plan.constraint,
    // The model works in sRGB; a Display P3 document would otherwise shift its colours.
    colorProfile: 'SRGB',
    // The node's own box, not whatever crops or overhangs it.
    useAbsoluteBounds: true,
  })
}
