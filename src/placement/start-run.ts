import type { RunPlan } from '../common/protocol'
import { containsSecret, hideSecret, KEY_IN_PROMPT } from '../common/secret'
import { annotationCategory } from '../records/annotate'
import { readPageContent } from './page-content'
import { findOriginalSection } from './original-section'
import { createRunContainer, createSlot, removePlaceholder } from './placeholders'
import { findSceneNodes, pageOf, topLevelOf } from './position'
import { captionSpace } from './caption-text'
import { reveal, type UiWindow } from './reveal'
import { planRunLayout, unionOf } from './run-layout'
import { nextRunNumber, runTitle } from './run-title'
import type { Rect } from './run-layout'
import type { Run, RunRegistry, Slot } from './run-registry'

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
  uiWindow: UiWindow
}

function boxOf(node: SceneNode): Rect | null {
  return 'absoluteBoundingBox' in node ? node.absoluteBoundingBox : null
}

export async function startRun(deps: StartRunDeps, plan: RunPlan): Promise<StartRunResult> {
  const { figma, registry } = deps
  if (registry.get(plan.runId)) return { ok: false, message: 'This run has already started.' }
  // The UI refuses such a prompt first; a run holding it is never recorded or kept for recovery.
  if (containsSecret(plan.prompt, deps.secret)) return { ok: false, message: KEY_IN_PROMPT }
  // Awaited before the page is read, so reading it and making the placeholders run with no
  // await in between: the layout cannot go stale meanwhile.
  const font = await deps.loadLabelFont()

  const categoryId = plan.annotations === false ? null : await annotationCategory(figma)
  const found = await findSceneNodes(figma, plan.referenceNodeIds)
  const space = plan.captions && font ? captionSpace(plan.size.width) : 0
  const original = await findOriginalSection(figma, plan, space)
  const firstPage = found[0] ? pageOf(found[0]) : null
  const page = original?.page ?? firstPage ?? figma.currentPage
  // Under dynamic-page another page must be loaded before its children are read.
  if (page !== figma.currentPage) await page.loadAsync()
  const sources = found.filter((node) => pageOf(node) === page)

  // Measured from the sources' top-level containers, so the run lands beside the board the
  // frames sit in rather than on top of it.
  const sourceBoxes = sources.map((node) => boxOf(topLevelOf(node))).filter((box): box is Rect => box !== null)
  const sourceRect = unionOf(sourceBoxes)
  const content = readPageContent(page, plan.referenceNodeIds)
  const layout = planRunLayout({
    count: plan.count,
    size: plan.size,
    sources: sourceRect,
    fallbackCentre: figma.viewport.center,
    ...content,
    captionSpace: space,
  })
  // A recovered run keeps its results' original numbers, in its original section when it is still there.
  const { target } = plan
  const title = original?.container.name ?? runTitle(nextRunNumber(page.children.map((child) => child.name)), hideSecret(plan.prompt, deps.secret), Boolean(target))
  const rects = original?.slots ?? layout.slots
  let container: Run['container'] | undefined = original?.container
  const slots: Slot[] = []
  try {
    container ??= createRunContainer(figma, page, layout.section, title, plan.runId, plan.referenceNodeIds)
    const parent = container
    for (const [index, rect] of rects.entries()) slots.push(createSlot(figma, parent, rect, index, target?.count ?? plan.count, font, target?.indices[index]))
    const annotation = categoryId ? { categoryId, references: found.map((node) => ({ name: hideSecret(node.name, deps.secret) })) } : null
    const containerRect = (original && container.absoluteBoundingBox) || layout.section
    const run: Run = { plan, title, page, container, containerRect, slots, font, annotation }
    registry.set(plan.runId, run)
    // Seen arriving: the selection stays as it is, only the view moves.
    if (page === figma.currentPage) reveal(figma, deps.uiWindow, containerRect, sourceRect)
    return { ok: true, run }
  } catch (error) {
    // All or nothing: half a run of placeholders would look like work still going on.
    console.error('run placeholders failed:', error)
    for (const slot of slots) removePlaceholder(slot)
    if (container && !original && !container.removed) container.remove()
    return { ok: false, message: 'The plugin could not make room for the results on the canvas.' }
  }
}
