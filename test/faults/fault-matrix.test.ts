import { createServer } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { DEFAULT_API_KEY, startEmulator, type Emulator } from '../emulator/index'
import { readRecord } from '../../src/records/record-node'
import { FAULT_ROWS, MATRIX_SIZE, OFFLINE, revokedKey, type FaultRow, type Transport } from './fault-rows'
import { addFrames, endpointOf, generate, imageNodes, leftovers, openPlugin, realDownload, selectAndWait, signIn, type World } from '../support/plugin-world'

// Every fault of the matrix over both transports, through the real sandbox, UI logic and
// Runware client against the emulator. Each row asserts what the designer saw and what was
// placed; the whole table is printed at the end. "Paid results lost" counts the intact results
// the emulator made for the row's run that did not reach the canvas: it must be 0 on every row.

let emulator: Emulator
const worlds: World[] = []
const table: { transport: Transport; fault: string; saw: string; placed: string; lost: number; unreachable?: number }[] = []

beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [DEFAULT_API_KEY, revokedKey('websocket'), revokedKey('rest')] })
  // a port that was free a moment ago: connecting to it is refused, like being offline
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as { port: number }).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  OFFLINE.url = `http://127.0.0.1:${port}`
  OFFLINE.wsUrl = `ws://127.0.0.1:${port}/v1`
})

afterAll(async () => {
  for (const world of worlds) world.app.dispose()
  await emulator.close()
  const pad = (text: string, n: number) => text.slice(0, n).padEnd(n)
  const lines = [
    `${pad('transport', 9)} | ${pad('fault', 46)} | ${pad('what the user saw', 92)} | ${pad('placed', 7)} | paid results lost`,
    '-'.repeat(186),
    ...table.map((row) => `${pad(row.transport, 9)} | ${pad(row.fault, 46)} | ${pad(row.saw, 92)} | ${pad(row.placed, 7)} | paid results lost: ${row.lost}${row.unreachable ? ` (${row.unreachable} unreachable by any route)` : ''}`),
  ]
  console.log(`\nFault matrix (${table.length} rows)\n${lines.join('\n')}\n`)
})

const framesOf = new Map<World, FrameNode[]>()

async function newWorld(transport: Transport, row?: FaultRow): Promise<{ world: World; frames: FrameNode[] }> {
  const world = openPlugin()
  worlds.push(world)
  const frames = addFrames(world.fake, 1)
  const key = row?.fresh?.key?.(transport) ?? emulator.apiKey
  const endpoint = row?.fresh?.endpoint?.(emulator, transport) ?? endpointOf(emulator, transport)
  await signIn(world, key, endpoint)
  await selectAndWait(world, frames)
  framesOf.set(world, frames)
  return { world, frames }
}

function whatTheUserSaw(world: World): string {
  const run = world.app.controller.run.value
  const parts = [...world.seen.filter((line) => /retrying/.test(line)), world.seen.at(-1) ?? '']
  if (run?.error) parts.push(`error: ${run.error.message}`)
  const failed = run?.slots.find((slot) => slot.message)?.message
  if (failed) parts.push(`slot: ${failed}`)
  return [...new Set(parts)].join(' / ')
}

describe.each(['websocket', 'rest'] as const)('fault matrix over %s', (transport) => {
  let shared: World
  beforeAll(async () => {
    shared = (await newWorld(transport)).world
    // warm-up: the reference is uploaded once and cached, so faults hit the inference itself
    await generate(shared, 'warm-up')
    expect(shared.app.controller.run.value?.phase).toBe('done')
  })

  it.each(FAULT_ROWS.map((row) => [row.fault, row] as const))('%s', async (_name, row) => {
    const world = row.fresh ? (await newWorld(transport, row)).world : shared
    emulator.clearFaults()
    const context = { world, emulator, transport }
    try {
      await row.arrange(context)
      // a finished run selects its results: the frame goes back in as the one reference
      await selectAndWait(world, framesOf.get(world)!)
      const count = row.count ?? 2
      const before = new Set(imageNodes(world.fake))
      const madeBefore = emulator.results.length
      await generate(world, 'a quiet harbour', count, MATRIX_SIZE)
      // the run's own end, before anything that follows it (a recovery) changes the display
      const phase = world.app.controller.run.value?.phase
      await row.settle?.(context)
      const placedNodes = imageNodes(world.fake).filter((node) => !before.has(node))
      const placed = placedNodes.length
      const placedUUIDs = new Set(placedNodes.map((node) => readRecord(node)?.imageUUID))
      const missing = emulator.results.slice(madeBefore).filter((made) => made.intact && !placedUUIDs.has(made.imageUUID)).length
      expect(missing, 'results no route can place').toBeGreaterThanOrEqual(row.unreachable ?? 0)
      const lost = missing - (row.unreachable ?? 0)
      const saw = whatTheUserSaw(world)
      table.push({ transport, fault: row.fault, saw, placed: `${placed} of ${count}`, lost, unreachable: row.unreachable })

      expect(saw).toMatch(row.saw)
      expect(placed).toBe(row.placed)
      expect(lost, 'paid results lost').toBe(0)
      // exactly the size asked for, never swapped: the node, and the image in it unless the row scales it
      for (const node of placedNodes) {
        expect([node.width, node.height]).toEqual([MATRIX_SIZE.width, MATRIX_SIZE.height])
        const fill = (node as RectangleNode).fills as readonly Paint[]
        const hash = (fill.find((paint) => paint.type === 'IMAGE') as ImagePaint).imageHash!
        const size = await world.fake.figma.getImageByHash(hash)!.getSizeAsync()
        if (!row.scaled) expect([size.width, size.height]).toEqual([MATRIX_SIZE.width, MATRIX_SIZE.height])
      }
      // nothing is left looking like it still works, and the key shows nowhere
      expect(leftovers(world.fake)).toEqual([])
      expect(saw).not.toContain(emulator.apiKey)
      expect(phase).toBe(row.phase ?? (row.placed === count ? 'done' : 'failed'))
      await row.check?.(context)
    } finally {
      emulator.clearFaults()
      world.fetchBytes = realDownload
      world.app.actions.saveOptions(DEFAULT_GENERATION_OPTIONS)
    }
  })
})
