// The generate form as it looks before the sandbox's `init` (see MainView), as plain markup
// drawn by the UI's first, small script, before the app's own script (Preact, zod schemas, the
// Runware client and the rest) is even compiled. The prompt can be typed into it at once; every
// other control is disabled, exactly as in the app's own first render. The app then hydrates
// it: Preact adopts these very nodes (focus and typed text included) instead of replacing them.
//
// It must stay identical to what <App> renders before `init`: test/ui/first-paint.test.tsx
// renders the app and compares, and says so when a component changed.
import { GEAR_PATH } from './components/gear-path'

export const FIRST_PAINT_HTML = [
  `<div class="app" aria-busy="true">`,
  `<header class="header"><h1>Gen-4 Moodboard</h1><button type="button" class="button button-ghost header-history" disabled="">History</button><button type="button" class="button button-icon" aria-label="Settings" title="Settings" disabled=""><svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path fill="currentColor" d="${GEAR_PATH}"></path></svg></button></header>`,
  `<main class="view">`,
  `<section class="section" aria-labelledby="references-title"><div class="label-row"><h2 id="references-title" class="section-title">References</h2></div><p class="hint">Reading the selection…</p></section>`,
  `<div class="field"><div class="label-row"><label class="label" for="prompt">Prompt</label><span id="prompt-counter" class="counter">0 / 1000</span></div><textarea id="prompt" class="textarea" rows="4" placeholder="Describe the image: mood, materials, light…" aria-describedby="prompt-counter"></textarea></div>`,
  `<div class="field"><div class="label-row"><label class="label" for="size">Size</label><button type="button" class="link-button" disabled="" title="Select a reference first">Match reference</button></div><select id="size" class="select" disabled=""><option value=""></option></select></div>`,
  `<div class="field"><label class="label" for="count">Number of results</label><div class="stepper"><button type="button" class="button button-icon" aria-label="Fewer results" disabled="">−</button><input id="count" class="input input-number" type="number" inputmode="numeric" min="1" max="20" step="1" disabled=""><button type="button" class="button button-icon" aria-label="More results" disabled="">+</button></div></div></main>`,
  `<footer class="footer"><p class="status-line" role="status" aria-live="polite"></p><button type="button" class="button button-primary button-wide" disabled="" aria-describedby="generate-reason">Generate</button><p id="generate-reason" class="hint">Loading your settings…</p></footer></div>`,
].join('')

export function showFirstPaint(root: HTMLElement): void {
  root.innerHTML = FIRST_PAINT_HTML
}
