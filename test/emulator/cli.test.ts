// The standalone emulator: bundled with esbuild the way the build scripts would (ESM, node
// platform, packages external), started as a process, used, and stopped by a signal.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
// Inside node_modules so the bundle resolves sharp and ws from the project, and stays untracked.
const bundle = `${root}node_modules/.cache/runware-emulator-test/cli.mjs`
const running: ChildProcess[] = []

beforeAll(async () => {
  await build({
    entryPoints: [`${root}test/emulator/cli.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: bundle,
    logLevel: 'silent',
  })
})
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function start(args: string[], env: Record<string, string> = {}): Promise<{ child: ChildProcess; output: string }> {
  const child = spawn(process.execPath, [bundle, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('API key:')) resolve({ child, output })
    })
    child.stderr!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)))
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

describe('cli', () => {
  it('prints its URLs and key, serves requests, and exits cleanly on SIGTERM', async () => {
    const { child, output } = await start([])
    const rest = /REST URL: (\S+)/.exec(output)![1]!
    expect(/WS URL: +(ws:\/\/127\.0\.0\.1:\d+\/v1)/.exec(output)).not.toBeNull()
    const key = /API key: +(\S+)/.exec(output)![1]!
    const reply = await fetch(rest, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
      body: JSON.stringify([{ taskType: 'ping', ping: true }]),
    })
    expect(await reply.json()).toEqual({ data: [{ taskType: 'ping', pong: true }] })
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
  })

  it('listens on the port from RUNWARE_EMULATOR_PORT, and --port wins over it', async () => {
    const [envPort, argPort] = [await freePort(), await freePort()]
    const fromEnv = await start([], { RUNWARE_EMULATOR_PORT: String(envPort) })
    expect(fromEnv.output).toContain(`REST URL: http://127.0.0.1:${envPort}/v1`)
    fromEnv.child.kill('SIGINT')
    const fromArg = await start(['--port', String(argPort)], { RUNWARE_EMULATOR_PORT: String(envPort) })
    expect(fromArg.output).toContain(`http://127.0.0.1:${argPort}/v1`)
  })

  it('prints its flags for --help and starts nothing', async () => {
    const child = spawn(process.execPath, [bundle, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] })
    running.push(child)
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => { output += chunk.toString() })
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
    expect(code).toBe(0)
    expect(output).toContain('--latency-ms N')
    expect(output).not.toContain('API key:')
  })
})
