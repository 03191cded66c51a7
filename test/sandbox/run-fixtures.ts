// Shared pieces for the run tests: real encoded images (sharp) and plans and records as the
// UI would send them.
import sharp from 'sharp'

import type { GenerationRecord } from '../../src/common/generation-record'
import type { RunPlan } from '../../src/common/protocol'
import type { Sandbox } from './harness'

export async function imageBytes(format: 'png' | 'jpeg' | 'webp' | 'gif', width: number, height: number): Promise<Uint8Array<ArrayBuffer>> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
  return new Uint8Array(await image.toFormat(format).toBuffer())
}

export function plan(overrides: Partial<RunPlan> & Pick<RunPlan, 'referenceNodeIds'>): RunPlan {
  return { runId: 'run-1', prompt: 'a foggy harbour at dawn', size: { width: 1024, height: 1024 }, count: 1, ...overrides }
}

export function recordFor(run: RunPlan, index: number): GenerationRecord {
  return {
    version: 1,
    runId: run.runId,
    index,
    prompt: run.prompt,
    width: run.size.width,
    height: run.size.height,
    model: 'runway:4@2',
    seed: 1000 + index,
    taskUUID: `task-${run.runId}`,
    imageUUID: `image-${run.runId}-${index}`,
    cost: 0.02,
    outputFormat: 'JPG',
    referenceNodeIds: run.referenceNodeIds,
    createdAt: '2025-06-01T12:00:00.000Z',
  }
}

let requests = 0

export async function startRun(sandbox: Sandbox, run: RunPlan) {
  requests += 1
  return sandbox.request({ type: 'run-start', requestId: `start-${requests}`, plan: run }, 'run-started')
}

export async function place(sandbox: Sandbox, run: RunPlan, index: number, image?: Uint8Array<ArrayBuffer>) {
  requests += 1
  const requestId = `place-${requests}`
  const bytes = image ?? (await imageBytes('png', run.size.width, run.size.height))
  sandbox.send({ type: 'place-result', requestId, runId: run.runId, index, image: bytes, record: recordFor(run, index) })
  const reply = await sandbox.replyTo(requestId)
  await sandbox.settle()
  return reply
}

export async function endRun(sandbox: Sandbox, run: RunPlan, outcome: 'done' | 'cancelled' | 'failed' | 'interrupted' = 'done') {
  sandbox.send({ type: 'run-end', runId: run.runId, outcome })
  await sandbox.settle()
}

export async function nodeById<T extends BaseNode = SceneNode>(sandbox: Sandbox, id: string): Promise<T> {
  const node = await sandbox.figma.getNodeByIdAsync(id)
  if (!node) throw new Error(`no node ${id}`)
  return node as T
}

/** Nodes still looking like work in progress. */
export function workingPlaceholders(sandbox: Sandbox): SceneNode[] {
  return sandbox.fake.allNodes().filter((node) => node.name.startsWith('Generating') || node.type === 'TEXT')
}

type Box = { x: number; y: number; width: number; height: number }

/** Where each node stands against the view: inside figma.viewport.bounds, and apart from the plugin window (as wide and tall as the sandbox opened it, plus Figma's title bar). */
export function viewOf(sandbox: Sandbox, nodes: readonly SceneNode[]): { inView: boolean; clearOfWindow: boolean } {
  const { bounds, zoom } = sandbox.figma.viewport
  const { canvasSpace } = sandbox.figma.ui.getPosition()
  const options = sandbox.fake.ui.options!
  const win: Box = { ...canvasSpace, width: options.width / zoom, height: (options.height + 40) / zoom }
  const boxes = nodes.map((node) => node.absoluteBoundingBox!)
  const within = (b: Box) => b.x >= bounds.x - 1e-6 && b.y >= bounds.y - 1e-6 && b.x + b.width <= bounds.x + bounds.width + 1e-6 && b.y + b.height <= bounds.y + bounds.height + 1e-6
  const apart = (b: Box) => b.x + b.width <= win.x + 1e-6 || win.x + win.width <= b.x + 1e-6 || b.y + b.height <= win.y + 1e-6 || win.y + win.height <= b.y + 1e-6
  return { inView: boxes.every(within), clearOfWindow: boxes.every(apart) }
}
