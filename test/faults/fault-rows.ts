import sharp from 'sharp'

import { DEFAULT_GENERATION_OPTIONS, type GenerationOptions } from '../../ui/runware/generation-options'
import type { Endpoint } from '../../ui/state/settings'
import type { Emulator } from '../emulator/index'
import { readRecord } from '../../src/records/record-node'
import { post } from '../emulator/test-helpers'
import { endpointOf, generate, imageNodes, until, type World } from '../support/plugin-world'

// The fault matrix, one row per fault: how to cause it, and what the designer must see and
// what must land on the canvas. Every run asks for 2 images (or the row's `count`) at 1280×720,
// a size that is not square, so a width/height swap anywhere fails the row.
// Faults the emulator cannot make are simulated at the closest layer this suite owns, and
// the row says so: an over-4096 px result (no allowed size is that big) comes from a wrapped
// image download; a REST connection dropped after sending comes from a wrapped fetch.

export type Transport = 'websocket' | 'rest'

export interface FaultContext {
  world: World
  emulator: Emulator
  transport: Transport
}

/** One of the model's 16 sizes, and not square. */
export const MATRIX_SIZE = { width: 1280, height: 720 }

export interface FaultRow {
  fault: string
  /** How many results the run asks for; 2 unless said. */
  count?: number
  /** Causes the fault before the run (inject, swap a hook, change an option). */
  arrange(context: FaultContext): void | Promise<void>
  placed: number
  /** The run's end state; by default done when all `count` were placed, failed otherwise. */
  phase?: 'done' | 'failed' | 'interrupted'
  /** Waits, after the run, for what comes later (an interrupted run's recovery) before counting. */
  settle?(context: FaultContext): Promise<void>
  /** What the status line, the error or a note must say. */
  saw: RegExp
  /** Intact results no route can place (each slot says why): counted apart from the paid results lost. */
  unreachable?: number
  /** The image is not the emulator's (a simulated download of another size): only the node's size is checked. */
  scaled?: boolean
  /** Extra checks on what reached Runware or the canvas. */
  check?(context: FaultContext): void | Promise<void>
  /** Needs a plugin of its own (a new connection), signed in with this key and endpoint. */
  fresh?: { key?: (transport: Transport) => string; endpoint?: (emulator: Emulator, transport: Transport) => Endpoint }
}

export const revokedKey = (transport: Transport) => `rw-revoked-mid-session-${transport}`

export function withOptions(world: World, change: Partial<GenerationOptions>): void {
  world.app.actions.saveOptions({ ...DEFAULT_GENERATION_OPTIONS, ...change })
}

export async function hugePng(): Promise<Uint8Array> {
  const png = await sharp({ create: { width: 5000, height: 2500, channels: 3, background: '#3366cc' } }).png().toBuffer()
  return new Uint8Array(png)
}

const refused = async (): Promise<Uint8Array> => {
  // what a browser says when CORS refuses a cross-origin download
  throw new TypeError('Failed to fetch')
}

const inferencesOf = (emulator: Emulator) => emulator.tasks.filter((t) => t.task.taskType === 'imageInference')

/** The last task was sent once as a task; what else reached Runware for it were getResponse polls. */
function sentOnce(emulator: Emulator): void {
  const last = inferencesOf(emulator).at(-1)!.task.taskUUID
  if (inferencesOf(emulator).filter((t) => t.task.taskUUID === last).length !== 1) throw new Error('the task was sent twice')
}

/** Every result Runware made for the last task is on the canvas, each once: no paid result lost. */
export async function paidResultsLost({ world, emulator }: FaultContext): Promise<number> {
  const taskUUID = inferencesOf(emulator).at(-1)!.task.taskUUID
  const reply = await post(emulator, [{ taskType: 'getResponse', taskUUID }])
  const made = (reply.body.data as { status: string; imageUUID?: string }[]).filter((item) => item.status === 'success').map((item) => item.imageUUID!)
  const placed = imageNodes(world.fake).map((node) => readRecord(node)?.imageUUID)
  const twice = placed.filter((uuid, index) => uuid !== undefined && placed.indexOf(uuid) !== index)
  if (twice.length > 0) throw new Error(`placed twice: ${twice.join(', ')}`)
  return made.filter((uuid) => !placed.includes(uuid)).length
}

/** Waits until the recovery has placed what the interrupted run left at Runware. */
async function recovered({ world }: FaultContext): Promise<void> {
  await until(() => world.app.recovery.report.value.some((line) => line.startsWith('Recovered')), 'the interrupted run to be recovered', 15_000)
  await world.fake.flush()
}

async function noPaidResultLost(context: FaultContext): Promise<void> {
  sentOnce(context.emulator)
  const lost = await paidResultsLost(context)
  if (lost !== 0) throw new Error(`paid results lost: ${lost}`)
}

export const FAULT_ROWS: FaultRow[] = [
  { fault: 'HTTP 400 invalidRequest', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 400 }), placed: 0, saw: /Runware refused|invalid|request/i },
  { fault: 'HTTP 401 invalid key', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 401 }), placed: 0, saw: /API key/i },
  { fault: 'HTTP 402 no credits', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 402 }), placed: 0, saw: /credit|balance/i },
  { fault: 'HTTP 403 access denied', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 403 }), placed: 0, saw: /access|denied|permission|allowed/i },
  { fault: 'HTTP 429 ×2, then fine', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 429 }, 2), placed: 2, saw: /Runware is busy, retrying in \d+ s/ },
  { fault: 'HTTP 500 server error', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 500 }), placed: 0, saw: /Runware|server|problem/i },
  { fault: 'HTTP 503 ×2, then fine', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 503 }, 2), placed: 2, saw: /Runware is busy, retrying in \d+ s/ },
  { fault: 'HTTP 504 queue timeout, then fine', arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 504 }), placed: 2, saw: /Runware is busy, retrying in \d+ s/ },
  { fault: 'provider timeout', arrange: ({ emulator }) => emulator.injectFault({ kind: 'providerTimeout' }), placed: 0, saw: /time|long/i },
  { fault: 'moderation refusal', arrange: ({ emulator }) => emulator.injectFault({ kind: 'moderation' }), placed: 0, saw: /content|policy|moderat|safety/i },
  {
    fault: 'connection dropped mid-run',
    arrange({ world, emulator, transport }) {
      if (transport === 'websocket') return emulator.injectFault({ kind: 'dropSocket', afterResults: 1 })
      // REST: the request reaches Runware but the answer is lost on the way back (simulated)
      const inner = world.fetchImpl
      let dropped = false
      world.fetchImpl = async (input, init) => {
        const response = await inner(input, init)
        if (!dropped && typeof init?.body === 'string' && init.body.includes('"imageInference"')) {
          dropped = true
          throw new TypeError('fetch failed')
        }
        return response
      }
    },
    placed: 2,
    saw: /Done: 2 images placed/,
    // never sent twice as a new paid task: the same taskUUID once, then getResponse
    check: ({ emulator }) => sentOnce(emulator),
  },
  {
    // Runware took the task, then the connection went for longer than the client keeps trying
    fault: 'outage mid-run, recovered once it is over',
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'outage', ms: 1500 }),
    phase: 'interrupted',
    settle: recovered,
    placed: 2,
    saw: /Connection lost — 0 of 2 placed\. The other images are kept at Runware; the plugin will fetch them when Runware is reachable again\./,
    check: noPaidResultLost,
  },
  {
    fault: 'accepted, then 504 (the reply lost)',
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'lostReply', answer: 504 }),
    placed: 2,
    saw: /Runware is busy, retrying in \d+ s .*Done: 2 images placed/,
    check: noPaidResultLost,
  },
  {
    fault: 'accepted, then the connection dropped',
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'lostReply', answer: 'drop' }),
    placed: 2,
    saw: /Done: 2 images placed/,
    check: noPaidResultLost,
  },
  {
    fault: '504 before accepting: asked about, then sent again',
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'status', status: 504 }),
    placed: 2,
    saw: /Runware is busy, retrying in \d+ s .*Done: 2 images placed/,
    check({ emulator }) {
      // Runware said it did not know the task: only then did the same taskUUID go again
      const last = inferencesOf(emulator).at(-1)!.task.taskUUID
      const forTask = emulator.tasks.filter((t) => t.task.taskUUID === last).map((t) => t.task.taskType)
      if (forTask.join() !== 'imageInference,getResponse,imageInference') throw new Error(`reached Runware: ${forTask.join()}`)
    },
  },
  {
    fault: 'socket closed before auth',
    // REST column: automatic connection, so the closed socket sends it to REST instead
    fresh: { endpoint: (emulator, transport) => endpointOf(emulator, transport === 'rest' ? 'auto' : 'websocket') },
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'closeBeforeAuth' }),
    placed: 2,
    saw: /Done: 2 images placed/,
  },
  { fault: 'malformed JSON body', arrange: ({ emulator }) => emulator.injectFault({ kind: 'malformedBody' }), placed: 2, saw: /Done: 2 images placed/ },
  // each damaged image fails its own slot; Runware delivered, so the run is done
  { fault: 'truncated image bytes', arrange: ({ emulator }) => emulator.injectFault({ kind: 'truncatedImage' }), placed: 0, phase: 'done', saw: /Done: 0 of 2 placed, 2 failed: This image arrived damaged/ },
  {
    fault: 'mixed reply: 2 ok + 1 failed generation',
    count: 3,
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'failedResults', indexes: [1] }),
    placed: 2,
    phase: 'done',
    saw: /Done: 2 of 3 placed, 1 failed: The image model took too long/,
  },
  {
    fault: 'mixed reply in one frame (WS grouped)',
    count: 3,
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'failedResults', indexes: [0], grouped: true }),
    placed: 2,
    phase: 'done',
    saw: /Done: 2 of 3 placed, 1 failed: The image model took too long/,
  },
  {
    fault: 'mixed getResponse: 2 ok + 1 failed (async)',
    count: 3,
    arrange({ world, emulator }) {
      withOptions(world, { deliveryMethod: 'async' })
      emulator.injectFault({ kind: 'failedResults', indexes: [2] })
    },
    placed: 2,
    phase: 'done',
    saw: /Done: 2 of 3 placed, 1 failed: The image model took too long/,
  },
  {
    fault: 'task fails after 1 of 3 results',
    count: 3,
    arrange: ({ emulator }) => emulator.injectFault({ kind: 'failAfter', afterResults: 1 }),
    placed: 1,
    phase: 'done',
    saw: /Done: 1 of 3 placed, 2 failed: The image model took too long/,
  },
  {
    fault: 'URL download cut to a third',
    arrange({ world, emulator }) {
      withOptions(world, { outputType: 'URL', outputFormat: 'PNG' })
      emulator.injectFault({ kind: 'truncatedDownload' })
    },
    placed: 1,
    phase: 'done',
    saw: /Done: 1 of 2 placed, 1 failed: This image arrived damaged/,
  },
  {
    fault: 'truncated image bytes by URL (Figma decodes)',
    arrange({ world, emulator }) {
      // the iframe cannot download, so the cut bytes reach Figma's createImageAsync
      withOptions(world, { outputType: 'URL', outputFormat: 'PNG' })
      world.fetchBytes = refused
      emulator.injectFault({ kind: 'truncatedImage' })
    },
    placed: 0,
    phase: 'done',
    saw: /Done: 0 of 2 placed, 2 failed/,
  },
  {
    fault: 'absurd result: 60000×60000 px header',
    arrange({ world, emulator }) {
      withOptions(world, { outputFormat: 'PNG' })
      emulator.injectFault({ kind: 'absurdResult', what: 'pixels' })
    },
    placed: 1,
    phase: 'done',
    saw: /Done: 1 of 2 placed, 1 failed: Runware sent an image of 60000×60000 px/,
  },
  {
    fault: 'huge result: over 20 MB inline',
    arrange({ world, emulator }) {
      withOptions(world, { outputFormat: 'PNG' })
      emulator.injectFault({ kind: 'absurdResult', what: 'bytes' })
    },
    placed: 1,
    phase: 'done',
    saw: /Done: 1 of 2 placed, 1 failed: Runware sent an image larger than the plugin accepts/,
  },
  { fault: 'reference download failed', arrange: ({ emulator }) => emulator.injectFault({ kind: 'downloadFailed' }), placed: 0, saw: /reference/i },
  { fault: 'WEBP result', arrange: ({ world }) => withOptions(world, { outputFormat: 'WEBP' }), placed: 2, saw: /Done: 2 images placed/ },
  {
    fault: 'result over 4096 px (simulated download)',
    async arrange({ world }) {
      withOptions(world, { outputType: 'URL' })
      const huge = await hugePng()
      world.fetchBytes = async () => huge
    },
    scaled: true,
    placed: 2,
    saw: /Done: 2 images placed/,
  },
  {
    fault: 'URL download refused (CORS) → createImageAsync',
    arrange({ world }) {
      withOptions(world, { outputType: 'URL' })
      world.fetchBytes = refused
    },
    placed: 2,
    saw: /Done: 2 images placed/,
  },
  {
    fault: 'URL download refused, Figma fetch fails too',
    arrange({ world }) {
      withOptions(world, { outputType: 'URL', outputFormat: 'WEBP' })
      world.fetchBytes = refused
    },
    placed: 0,
    // Runware delivered: the run is done, each slot says why it stayed empty
    phase: 'done',
    saw: /Done: 0 of 2 placed, 2 failed: Neither the plugin window nor Figma could download this image/,
    // no route can bring these to the canvas: the iframe may not download them, Figma cannot place WEBP
    unreachable: 2,
  },
  { fault: 'async delivery (getResponse polling)', arrange: ({ world }) => withOptions(world, { deliveryMethod: 'async' }), placed: 2, saw: /Done: 2 images placed/ },
  {
    fault: 'key revoked mid-session',
    fresh: { key: revokedKey },
    async arrange({ world, emulator, transport }) {
      // a first run works, then the key is revoked while the plugin stays open
      await generate(world, 'before the key is revoked')
      if (world.app.controller.run.value?.phase !== 'done') throw new Error('the run before the revocation failed')
      emulator.revokeKey(revokedKey(transport))
    },
    placed: 0,
    saw: /API key/i,
  },
  {
    fault: 'offline (nothing listening)',
    fresh: { endpoint: (_emulator, transport) => ({ connection: transport, restUrl: `${OFFLINE.url}/v1`, wsUrl: OFFLINE.wsUrl }) },
    arrange: () => undefined,
    placed: 0,
    saw: /Can't reach Runware, retrying in \d+ s .*Couldn't reach Runware/,
  },
]

/** A loopback port with nothing behind it: set by the test before the rows run. */
export const OFFLINE = { url: 'http://127.0.0.1:9', wsUrl: 'ws://127.0.0.1:9/v1' }
