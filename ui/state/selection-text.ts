import { MAX_REFERENCES, type SelectionState } from '../../src/common/protocol'

// What to tell the designer when the selection cannot be used: a state with a way forward,
// not an error.

export interface SelectionText {
  title: string
  hint: string
}

export function selectionText(state: SelectionState, usableCount: number): SelectionText | null {
  switch (state) {
    case 'ok':
      return null
    case 'empty':
      return {
        title: `Select 1 to ${MAX_REFERENCES} frames to use as references`,
        hint: 'Frames, groups, components and images all work. The plugin sends how they look on the canvas.',
      }
    case 'too-many':
      return {
        title: `${usableCount} frames selected: the model takes at most ${MAX_REFERENCES}`,
        hint: `Keep the ${MAX_REFERENCES} that matter most selected, or group some into one frame.`,
      }
    case 'unsupported':
      return {
        title: 'The selected layers cannot be used as references',
        hint: `Select 1 to ${MAX_REFERENCES} frames, groups or images instead.`,
      }
  }
}
