import { MAX_REFERENCES, type ReferenceMeta, type SelectionState } from '../../src/common/protocol'

// What to tell the designer about the selection: a state with a way forward, not an error;
// and the words for what is selected ("frames", "images", "layers").

export interface SelectionText {
  title: string
  hint: string
}

type Kind = ReferenceMeta['kind']

// A FigJam board is mostly stickies, shapes, images and sections rather than frames, so
// there the selection is spoken of as items (every one of them can be exported).
function wordsFor(editor: 'figma' | 'figjam') {
  return editor === 'figjam'
    ? { things: 'items', kinds: 'Images, stickies, shapes and sections all work.', instead: 'images, stickies or shapes' }
    : { things: 'frames', kinds: 'Frames, groups, components and images all work.', instead: 'frames, groups or images' }
}

/** "3 frames", "1 image", "4 layers" (mixed kinds), "2 items" in FigJam. */
export function countOf(kinds: readonly Kind[], editor: 'figma' | 'figjam' = 'figma'): string {
  const n = kinds.length
  const first = kinds[0] ?? 'frame'
  const kind = editor === 'figjam' ? 'item' : kinds.every((k) => k === first) ? first : 'layer'
  return `${n} ${kind}${n === 1 ? '' : 's'}`
}

export function selectionText(state: SelectionState, editor: 'figma' | 'figjam' = 'figma'): SelectionText | null {
  const words = wordsFor(editor)
  switch (state) {
    case 'ok':
      return null
    case 'empty':
      return {
        title: `Select 1 to ${MAX_REFERENCES} ${words.things} to use as references`,
        hint: `${words.kinds} The plugin sends how they look on the canvas.`,
      }
    case 'unsupported':
      return {
        title: 'The selected layers cannot be used as references',
        hint: `Select 1 to ${MAX_REFERENCES} ${words.instead} instead.`,
      }
  }
}
