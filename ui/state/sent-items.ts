import { chosenItems, type ReferenceItem } from '../references/reference-set'
import type { AppState } from './app-state'

/** What the next run sends: the pinned style, then the chosen references in canvas order. */
export function sentItems(state: AppState): ReferenceItem[] {
  const style = state.style.value?.item
  return [...(style ? [style] : []), ...chosenItems(state.references.value)]
}
