import type { GenerationRecord } from '../common/generation-record'
import { captionFontSize, captionText } from './caption-text'
import { moveTo } from './position'
import type { Rect } from './run-layout'
import type { RunContainer } from './run-registry'

// A real text layer under a placed image, in the room the layout kept for it. It is made only
// with its font loaded; without the font the image simply has no caption.

const CAPTION_COLOUR: SolidPaint = { type: 'SOLID', color: { r: 0.3, g: 0.3, b: 0.32 } }

export function addCaption(figma: PluginAPI, parent: RunContainer, rect: Rect, record: GenerationRecord, number: number, font: FontName): void {
  let caption: TextNode | undefined
  try {
    caption = figma.createText()
    parent.appendChild(caption)
    caption.fontName = font
    const size = captionFontSize(rect.width)
    caption.fontSize = size
    caption.characters = captionText(number, record.prompt, record.width, record.height, record.seed)
    caption.fills = [CAPTION_COLOUR]
    caption.name = 'Caption'
    moveTo(caption, rect.x, rect.y + rect.height + Math.round(size / 2))
  } catch (error) {
    // half a caption would be clutter: none at all
    if (caption && !caption.removed) caption.remove()
    console.warn('caption not written:', error)
  }
}
