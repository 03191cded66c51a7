import { shorten } from '../common/shorten'
import { encodeRunMarker } from './page-content'
import { moveTo } from './position'
import type { Rect } from './run-layout'
import type { RunContainer, Slot } from './run-registry'
import { RUN_MARKER_KEY } from '../common/storage-keys'

// The "generating" look: each result's node exists from the start, at its final place and
// exact size, with a soft neutral fill and a centred label. The image later fills the same
// node, so nothing on the canvas jumps when results arrive.

export const PLACEHOLDER_FILL: SolidPaint = { type: 'SOLID', color: { r: 0.925, g: 0.925, b: 0.93 } }
const LABEL_COLOUR: SolidPaint = { type: 'SOLID', color: { r: 0.45, g: 0.45, b: 0.47 } }
export const LABEL_FONT: FontName = { family: 'Inter', style: 'Regular' }

export function labelText(index: number, count: number): string {
  return `Generating ${index + 1} of ${count}…`
}

/** A loader for the label font that asks Figma once and remembers the answer. */
export function createLabelFontLoader(figma: PluginAPI): () => Promise<FontName | null> {
  let loading: Promise<FontName | null> | undefined
  return () => {
    loading ??= figma.loadFontAsync(LABEL_FONT).then(
      () => LABEL_FONT,
      (error: unknown) => {
        // Without the font the placeholders simply have no label.
        console.warn('label font unavailable:', error)
        return null
      },
    )
    return loading
  }
}

function createSectionOrFrame(figma: PluginAPI): RunContainer {
  // Sections exist in Figma and FigJam alike; a frame without
  // fill or clipping stands in where an editor refuses them.
  try {
    return figma.createSection()
  } catch (error) {
    console.warn('sections unavailable, using a frame:', error)
    const frame = figma.createFrame()
    frame.fills = []
    frame.clipsContent = false
    return frame
  }
}

export function createRunContainer(
  figma: PluginAPI,
  page: PageNode,
  rect: Rect,
  name: string,
  runId: string,
  sourceIds: readonly string[],
): RunContainer {
  const container = createSectionOrFrame(figma)
  page.appendChild(container)
  container.name = shorten(name, 80)
  container.resizeWithoutConstraints(rect.width, rect.height)
  moveTo(container, rect.x, rect.y)
  container.setPluginData(RUN_MARKER_KEY, encodeRunMarker(runId, sourceIds))
  return container
}

function createLabel(figma: PluginAPI, parent: RunContainer, rect: Rect, text: string, font: FontName): TextNode {
  const label = figma.createText()
  parent.appendChild(label)
  label.fontName = font
  label.fontSize = Math.max(16, Math.min(96, Math.round(Math.min(rect.width, rect.height) / 16)))
  label.characters = text
  label.fills = [LABEL_COLOUR]
  label.name = text
  // Locked, so a click on the placeholder selects the slot under it.
  label.locked = true
  // The text hugs its content; centring it by its measured size needs no alignment settings.
  moveTo(label, rect.x + (rect.width - label.width) / 2, rect.y + (rect.height - label.height) / 2)
  return label
}

export function createSlotNode(figma: PluginAPI, parent: RunContainer, rect: Rect, name: string): RectangleNode {
  const node = figma.createRectangle()
  parent.appendChild(node)
  node.resize(rect.width, rect.height)
  node.fills = [PLACEHOLDER_FILL]
  node.name = name
  moveTo(node, rect.x, rect.y)
  return node
}

export function createSlot(
  figma: PluginAPI,
  parent: RunContainer,
  rect: Rect,
  index: number,
  count: number,
  font: FontName | null,
  number = index,
): Slot {
  const text = labelText(number, count)
  const node = createSlotNode(figma, parent, rect, text)
  let label: TextNode | null = null
  if (font) {
    try {
      label = createLabel(figma, parent, rect, text, font)
    } catch (error) {
      // The label is decoration: a slot without one still works.
      console.warn('placeholder label failed:', error)
    }
  }
  return { index, number, rect, node, label, state: 'pending' }
}

/** Removes what makes a slot look like it is still working. */
export function removeLabel(slot: Slot): void {
  if (slot.label && !slot.label.removed) slot.label.remove()
  slot.label = null
}

export function removePlaceholder(slot: Slot): void {
  removeLabel(slot)
  if (!slot.node.removed) slot.node.remove()
}
