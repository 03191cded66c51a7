// Builds the plugin with esbuild:
// - dist/code.js: the sandbox bundle, ES2020 (Figma's VM), no source maps pointing at disk;
// - dist/ui.html: the Preact UI with its JS and CSS inlined, because Figma hands the UI over
//   as a string (__html__) and relative <script src> would not resolve;
// - dist/tools/{emulator/cli,host/server}.mjs: the Node-side tools used by npm start and
//   npm run emulator, so neither needs a TypeScript runtime.
// `--watch` rebuilds on change.
import { build, context } from 'esbuild'
import { mkdir, writeFile, readFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const watch = process.argv.includes('--watch')
const production = !watch

const sandbox = {
  entryPoints: [join(root, 'src/main.ts')],
  outfile: join(dist, 'code.js'),
  bundle: true,
  format: 'iife',
  target: 'es2020',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
}

// Two scripts in the one ui.html: main.tsx draws the form and is all the browser compiles
// before the first frame; app-main.ts (the app proper) waits as inert text until main.tsx
// runs it after that frame (see ui/main.tsx). ES2022 (every browser Figma supports has it)
// keeps #private class members as they are, and the minifier can shorten their names.
const ui = {
  entryPoints: { main: join(root, 'ui/main.tsx'), app: join(root, 'ui/app-main.ts') },
  outdir: join(dist, 'ui-assets'),
  bundle: true,
  format: 'iife',
  target: 'es2022',
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  minify: production,
  legalComments: 'none',
  write: false,
  logLevel: 'warning',
}

function escapeForInlineScript(js) {
  // A literal "</script" inside the bundle would end the inline element early.
  return js.replace(/<\/script/gi, '<\\/script')
}

async function writeUiHtml(result) {
  const text = (name) => result.outputFiles.find((f) => f.path.endsWith(name))?.text ?? ''
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('')
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Gen-4 Moodboard</title><style>${css}</style></head><body><div id="app"></div><script>${escapeForInlineScript(text('main.js'))}</script><script type="text/plain" id="app-js">${escapeForInlineScript(text('app.js'))}</script></body></html>`
  await writeFile(join(dist, 'ui.html'), html)
}

const tools = {
  entryPoints: ['test/emulator/cli.ts', 'test/host/server.ts']
    .map((p) => join(root, p))
    .filter((p) => existsSync(p)),
  outdir: join(dist, 'tools'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
}

await mkdir(dist, { recursive: true })

if (watch) {
  const sandboxCtx = await context(sandbox)
  const uiCtx = await context({
    ...ui,
    plugins: [{ name: 'inline-html', setup: (b) => b.onEnd((r) => r.errors.length === 0 && writeUiHtml(r)) }],
  })
  await Promise.all([sandboxCtx.watch(), uiCtx.watch()])
  console.log('watching src/ and ui/ …')
} else {
  const [, uiResult] = await Promise.all([build(sandbox), build(ui), tools.entryPoints.length ? build(tools) : null])
  await writeUiHtml(uiResult)
  const sizes = await Promise.all(['code.js', 'ui.html'].map(async (f) => `${f} ${(await readFile(join(dist, f))).length} B`))
  console.log(`built ${sizes.join(', ')}`)
}
