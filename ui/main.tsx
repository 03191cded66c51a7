import './styles.css'

import { showFirstPaint } from './first-paint'

// The iframe's first script, and the only one the browser compiles before the form is on
// screen: it draws the form as plain markup (first-paint.ts). The app proper (Preact, the
// protocol's schemas, the Runware client, history) is a second script that ui.html holds as
// inert text (`#app-js`, see scripts/build.mjs); it is run after the first frame, so neither
// its compilation nor its top-level work delays the form.

const root = document.getElementById('app')
if (root) showFirstPaint(root)

let started = false
function startApp(): void {
  if (started) return
  started = true
  const code = document.getElementById('app-js')?.textContent
  if (!code) return
  // an inline script like the one running now; it runs as soon as it is inserted
  const script = document.createElement('script')
  script.text = code
  document.body.append(script)
}
// after the next frame is painted; a hidden window (Quick Actions) paints no frames, so a
// timer starts the app anyway
requestAnimationFrame(() => setTimeout(startApp, 0))
setTimeout(startApp, 100)
