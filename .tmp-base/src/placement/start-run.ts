import type { RunPlan } from '../common/protocol'
import { redact, shorten } from '../text'
import { readPageContent } from './page-content'
import { createRunContainer, createSlot } from './placeholders'
import { findSceneNodes, pageOf, topLevelOf } from './position'
import { planRunLayout, unionOf } from './run-layout'
import type { Rect } from './run-layout'
import type { Run, RunRegistry } from './run-registry'

// Starts a run on the canvas: finds the sources, plans the layout and creates one
// placeholder per result at its final place, all at once, so the designer sees where the
// results will land before the first one arrives.

export type StartRunResult = { ok: true; run: Run } | { ok: false; message: string }

export interface StartRunDeps {
  figma: PluginAPI
  registry: RunRegistry
  loadLabelFont: () => Promise<FontName | null>
  /** The stored API key, hidden wherever the prompt is written into the document. */
  secret: string | null
}

function boxOf(node: SceneNode): Rect | null {
  return 'absoluteBoundingBox' in node ? node.absoluteBoundingBox : null
}

export async function startRun(deps: StartRunDeps, plan: RunPlan): Promise<StartRunResult> {
  const { figma, registry } = deps
  if (registry.get(plan.runId)) return { ok: false, message: 'This run has already started.' }
  // Awaited before the page is read, so reading it and making the placeholders run with no
  // await in between: the layout cannot go stale meanwhile.
  const font = await deps.loadLabelFont()

  const found = await findSceneNodes(figma, plan.referenceNodeIds)
  const firstPage = found[0] ? pageOf(found[0]) : null
  const page = firstPage ?? figma.currentPage
  // figma-platform.md §6.9: another page must be loaded before its children are read.
  if (page !== figma.currentPage) await page.loadAsync()
  const sources = found.filter((node) => pageOf(node) === page)

  // Measured from the sources' top-level containers, so the run lands beside the board the
  // frames sit in rather than on top of it.
  const sourceBoxes = sources.map((node) => boxOf(topLevelOf(node))).filter((box): box is Rect => box !== null)
  const content = readPageContent(page, plan.referenceNodeIds)
  const layout = planRunLayout({
    count: plan.count,
    size: plan.size,
    sources: unionOf(sourceBoxes),
    fallbackCentre: figma.viewport.center,
    ...content,
  })

  const title = shorten(redact(plan.prompt, deps.secret), 80)
  let container: Run['container'] | undefined
  try {
    container = createRunContainer(figma, page, layout.section, title, plan.runId, plan.referenceNodeIds)
    const parent = container
    const slots = layout.slots.map((rect, index) => createSlot(figma, parent, rect, index, plan.count, font))
    const run: Run = { plan, title, page, container, containerRect: layout.section, slots }
    registry.set(plan.runId, run)
    return { ok: true, run }
  } catch (error) {
    // All or nothing: half a run of placeholders would look like work still going on.
    console.error('run placeholders failed:', error)
    if (container && !container.removed) container.remove()
    return { ok: false, message: 'The plugin could not make room for the results on the canvas.' }
  }
}
