import { MAX_REFERENCES, type SelectionState } from '../../src/common/protocol'

// What to tell the designer when the selection cannot be used: a state with a way forward,
// not an error.

export interface SelectionText {
  title: string
  hint: string
}

// A FigJam board is mostly stickies, shapes, images and sections rather than frames, so
// there the selection is spoken of as items (every one of them can be exported).
function wordsFor(editor: 'figma' | 'figjam') {
  return editor === 'figjam'
    ? { things: 'items', kinds: 'Images, stickies, shapes and sections all work.', instead: 'images, stickies or shapes', group: 'section' }
    : { things: 'frames', kinds: 'Frames, groups, components and images all work.', instead: 'frames, groups or images', group: 'frame' }
}

export function selectionText(state: SelectionState, usableCount: number, editor: 'figma' | 'figjam' = 'figma'): SelectionText | null {
  const words = wordsFor(editor)
  switch (state) {
    case 'ok':
      return null
    case 'empty':
      return {
        title: `Select 1 to ${MAX_REFERENCES} ${words.things} to use as references`,
        hint: `${words.kinds} The plugin sends how they look on the canvas.`,
      }
    case 'too-many':
      return {
        title: `${usableCount} ${words.things} selected: the model takes at most ${MAX_REFERENCES}`,
        hint: `Keep the ${MAX_REFERENCES} that matter most selected, or group some into one ${words.group}.`,
      }
    case 'unsupported':
      return {
        title: 'The selected layers cannot be used as references',
        hint: `Select 1 to ${MAX_REFERENCES} ${words.instead} instead.`,
      }
  }
}
