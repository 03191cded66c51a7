// `npm start`: try the plugin in a browser without Figma or a Runware key. Builds, starts the
// Runware emulator on 127.0.0.1:8787 (the port manifest.json allows for development in real
// Figma; the next free one if taken) and the Figma host page, prints the page's URL, and
// stops both on Ctrl-C. Runs the esbuild-built tools in dist/tools, so no TypeScript runtime.
import { spawn, spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const EMULATOR_PORT = Number(process.env.RUNWARE_EMULATOR_PORT ?? 8787)
const HOST_PORT = Number(process.env.HOST_PORT ?? 8790)
const STARTUP_TIMEOUT_MS = 15_000

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

async function freePortFrom(first, avoid = []) {
  for (let port = first; port < first + 50; port++) {
    if (!avoid.includes(port) && (await portIsFree(port))) return port
  }
  throw new Error(`no free port between ${first} and ${first + 49}`)
}

/** Starts the emulator CLI and resolves with its API key once it says it is running. */
function startEmulator(port) {
  const child = spawn(process.execPath, [join(root, 'dist/tools/emulator/cli.mjs'), '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`the emulator did not start within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output}`)), STARTUP_TIMEOUT_MS)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the emulator exited (code ${code}) before it was ready:\n${output}`))
    })
    child.stdout.on('data', (chunk) => {
      output += chunk
      const key = /API key:\s*(\S+)/.exec(output)?.[1]
      if (key) {
        clearTimeout(timer)
        child.removeAllListeners('exit')
        resolve({ child, key, url: `http://127.0.0.1:${port}` })
      }
    })
  })
}

async function main() {
  console.log('▶ building…')
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)

  const emulatorPort = await freePortFrom(EMULATOR_PORT)
  const emulator = await startEmulator(emulatorPort)
  let host
  let stopping = false
  const stop = async (code = 0) => {
    if (stopping) return
    stopping = true
    console.log('\nstopping…')
    emulator.child.kill('SIGTERM')
    await host?.close()
    process.exit(code)
  }
  process.on('SIGINT', () => void stop(0))
  process.on('SIGTERM', () => void stop(0))
  emulator.child.on('exit', (code) => {
    if (!stopping) {
      console.error(`the emulator stopped unexpectedly (code ${code})`)
      void stop(1)
    }
  })

  try {
    const { startHost } = await import(pathToFileURL(join(root, 'dist/tools/host/server.mjs')).href)
    host = await startHost({ port: await freePortFrom(HOST_PORT, [emulatorPort]) })
  } catch (error) {
    console.error(`the host page could not start: ${error instanceof Error ? error.message : error}`)
    await stop(1)
    return
  }

  // Written out by hand rather than with URLSearchParams, so the printed link stays readable.
  const page = `${host.url}?runware=${emulator.url}&key=${encodeURIComponent(emulator.key)}`
  if (emulatorPort !== 8787) {
    console.log(`(port 8787 was taken: the emulator is on ${emulatorPort}; real Figma only allows localhost:8787)`)
  }
  console.log(
    [
      '',
      `Runware emulator:  ${emulator.url}/v1  (WebSocket ${emulator.url.replace('http', 'ws')}/v1)`,
      `Test API key:      ${emulator.key}`,
      '',
      `Open the plugin:   ${page}`,
      '',
      'Select one to three frames on the canvas (shift-click adds), write a prompt and press Generate.',
      'Press Ctrl-C to stop.',
    ].join('\n'),
  )
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
