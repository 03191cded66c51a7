import { boot } from './boot'

// The app's own script, kept as inert text in ui.html until main.tsx runs it after the first
// frame; by then the form main.tsx drew is in #app, ready to be adopted.

boot(document.getElementById('app'))
