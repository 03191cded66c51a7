// `npm run emulator`: the Runware emulator as a standalone process, for trying the plugin by
// hand or from another tool. Port from --port or RUNWARE_EMULATOR_PORT (0 picks a free one);
// --latency-ms and --stagger-ms make results arrive the way a slow provider would.
import { startEmulator } from './server'

function numberArg(argv: string[], name: string): number | undefined {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`))
  if (index < 0) return undefined
  const raw = argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1]
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number, got '${raw ?? ''}'`)
  return value
}

const HELP = `Usage: npm run emulator -- [options]

A local double of Runware's API (REST and WebSocket on one loopback port) for runway:4@2.

Options:
  --port N          port to listen on (default: RUNWARE_EMULATOR_PORT, else 0 = a free port)
  --latency-ms N    how long each task takes before its first result (default 0)
  --stagger-ms N    at least this long between one result and the next (default 0)
  --help            print this and exit, starting nothing
`

async function main(): Promise<void> {
  const argv = process.argv.slice(2)
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP)
    return
  }
  const port = numberArg(argv, '--port') ?? numberArg(['--port', process.env.RUNWARE_EMULATOR_PORT ?? '0'], '--port') ?? 0
  const emulator = await startEmulator({
    latencyMs: numberArg(argv, '--latency-ms'),
    staggerMs: numberArg(argv, '--stagger-ms'),
  }, port)
  process.stdout.write([
    'Runware emulator (runway:4@2) is running',
    `REST URL: ${emulator.url}/v1`,
    `WS URL:   ${emulator.wsUrl}`,
    `API key:  ${emulator.apiKey}`,
    '',
  ].join('\n'))
  let closing = false
  const stop = (): void => {
    if (closing) return
    closing = true
    emulator.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  process.stderr.write(`Runware emulator failed to start: ${(error as Error).message}\n`)
  process.exit(1)
})
