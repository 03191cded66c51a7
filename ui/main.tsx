import './styles.css'

import { showFirstPaint } from './first-paint'

// The iframe's entry. Its first job is the form on screen: plain markup, drawn before the
// rest of the bundle (Preact, the protocol's schemas, the Runware client, history) is even
// evaluated. Those modules are only reached through the dynamic import below, which esbuild
// turns into a lazy initialiser inside the one inlined script, so their top-level work runs
// after the browser has had a chance to paint the form.

const root = document.getElementById('app')
if (root) showFirstPaint(root)

let started = false
function start(): void {
  if (started) return
  started = true
  void import('./boot').then(({ boot }) => boot(root))
}
// after the next frame is painted; a hidden window (Quick Actions) paints no frames, so a
// timer starts the app anyway
requestAnimationFrame(() => setTimeout(start, 0))
setTimeout(start, 100)
