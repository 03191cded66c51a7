// The Figma host's web server: the host page, its script (bundled from test/host/page with
// esbuild when the server starts, so a change to the page needs no separate build step) and
// the built plugin (dist/code.js, dist/ui.html, read on every request so a rebuild shows up
// on the next "Reload plugin"). Loopback only: it serves the working tree.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'
import { build } from 'esbuild'

import { findProjectRoot } from './project-root'

export interface HostOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  /** Where code.js and ui.html are; defaults to <project>/dist. */
  distDir?: string
}

export interface Host {
  url: string
  close(): Promise<void>
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
}

interface PageBundle {
  script: string
  map: string
}

async function bundlePage(root: string): Promise<PageBundle> {
  const result = await build({
    entryPoints: [join(root, 'test/host/page/main.ts')],
    outfile: join(root, 'host.js'),
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // Minified with a linked map: small for the tests, still debuggable for people.
    sourcemap: 'linked',
    minify: true,
    logLevel: 'silent',
  })
  const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? ''
  return { script: file('.js'), map: file('.js.map') }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

async function sendFile(res: ServerResponse, path: string, missing: string): Promise<void> {
  try {
    const ext = path.slice(path.lastIndexOf('.'))
    send(res, 200, TYPES[ext] ?? 'application/octet-stream', await readFile(path))
  } catch {
    send(res, 404, 'text/plain; charset=utf-8', missing)
  }
}

export async function startHost(options: HostOptions = {}): Promise<Host> {
  const root = findProjectRoot()
  const distDir = options.distDir ?? join(root, 'dist')
  const fixturesDir = join(root, 'test/host/fixtures')
  const bundle = await bundlePage(root)

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? '/', 'http://host').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'GET only')
    if (path === '/' || path === '/index.html') return sendFile(res, join(root, 'test/host/page/index.html'), 'host page missing')
    if (path === '/host.js') return send(res, 200, TYPES['.js']!, bundle.script)
    if (path === '/host.js.map') return send(res, 200, 'application/json', bundle.map)
    if (path === '/plugin/code.js' || path === '/plugin/ui.html') {
      const file = path.slice('/plugin/'.length)
      return sendFile(res, join(distDir, file), `${file} is not in ${distDir}: run npm run build`)
    }
    if (path.startsWith('/fixture/')) {
      // Only plain file names: the fixtures folder is all this route may read.
      const name = normalize(path.slice('/fixture/'.length))
      if (!/^[\w.-]+\.(js|html)$/.test(name)) return send(res, 404, 'text/plain', 'no such fixture')
      return sendFile(res, join(fixturesDir, name), 'no such fixture')
    }
    if (path === '/favicon.ico') return send(res, 204, 'text/plain', '')
    send(res, 404, 'text/plain', 'not found')
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, 'text/plain', String(error)))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function main(): Promise<void> {
  const port = Number(process.env.HOST_PORT ?? process.argv[2] ?? 0)
  const host = await startHost({ port })
  console.log(`Figma host: ${host.url}`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

// Run as a script (node dist/tools/server.mjs, or tsx test/host/server.ts): serve until stopped.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
