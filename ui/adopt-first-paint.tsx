import { hydrate } from 'preact'

import { App } from './app'
import type { App as AppModel } from './create-app'

// Hands the form drawn by first-paint.ts over to the app. Preact hydrates the drawn nodes
// rather than replacing them, so the field keeps its focus, caret and text; the text typed so
// far becomes the app's prompt first, or the next render would clear the field.

export function adoptFirstPaint(root: HTMLElement, app: AppModel): void {
  const typed = root.querySelector<HTMLTextAreaElement>('textarea#prompt')?.value ?? ''
  if (typed !== '') app.actions.setPrompt(typed)
  hydrate(<App app={app} />, root)
}
