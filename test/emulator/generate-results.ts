// Runs an accepted imageInference task: renders its results, releases each one when its
// time comes (after latencyMs, then staggerMs apart, always in order), records it for getResponse
// and hands it to the sync outlet, the webhook and the upload endpoint.
import { randomInt } from 'node:crypto'
import { cachedCanvas } from './canvas-cache'
import type { EmulatorContext } from './context'
import { postWebhook, putUpload } from './deliver-outputs'
import { errorItem, PROVIDER_TIMEOUT_MESSAGE, type ErrorItem } from './errors'
import { formatFromOutput, MIME } from './image-formats'
import { ClosedError } from './lifecycle'
import { downloadFailed, fetchUrlReferences, type LoadedReference } from './load-references'
import { absurdImage } from './absurd-result'
import { TaskFailure, type DataItem, type Outlet } from './outlet'
import { renderResult } from './render-result'
import { resultItem } from './result-item'
import type { TaskRecord } from './task-store'
import type { InferenceRequest } from './validate-inference'

export interface TaskFaults {
  providerTimeout: boolean
  moderation: boolean
  downloadFailed: boolean
  truncatedImage: boolean
  /** These results fail on their own (a mixed reply); `grouped`: one frame for the whole task. */
  failedResults?: { indexes: number[]; grouped?: boolean }
  /** The task fails once this many results are out. */
  failAfter?: number
  /** The first result is absurd (absurd-result.ts). */
  absurd?: 'pixels' | 'bytes'
  /** Sync WebSocket tasks only: drop the socket after this many results. */
  dropAfter?: number
}

// Two encodes at a time keep a 2-core machine busy without starving the event loop.
const RENDER_CONCURRENCY = 2

function seeds(count: number): number[] {
  const picked = new Set<number>()
  while (picked.size < count) picked.add(randomInt(1, 2 ** 31 - 1))
  return [...picked]
}

/** Starts job i + concurrency when job i settles; callers read the results in order. */
function limited<T>(jobs: (() => Promise<T>)[], concurrency: number): Promise<T>[] {
  const gates = jobs.map(() => {
    let open = () => {}
    const opened = new Promise<void>((resolve) => { open = resolve })
    return { opened, open }
  })
  const results = jobs.map((job, i) => gates[i]!.opened.then(job))
  results.forEach((result, i) => {
    // Failures are read in order by the caller; this keeps the ones it never reaches quiet.
    result.catch(() => undefined).finally(() => gates[i + concurrency]?.open())
  })
  gates.slice(0, concurrency).forEach((gate) => gate.open())
  return results
}

async function taskFaultCheck(request: InferenceRequest, faults: TaskFaults): Promise<void> {
  const scope = { taskType: 'imageInference', taskUUID: request.taskUUID }
  // The provider-timeout item carries no parameter.
  if (faults.providerTimeout) throw new TaskFailure(errorItem('timeoutProvider', PROVIDER_TIMEOUT_MESSAGE, scope))
  if (faults.moderation) {
    throw new TaskFailure(errorItem('providerContentPolicyViolation',
      "The request was rejected by the provider's content moderation. Change the prompt or the reference images and try again.", scope))
  }
  if (faults.downloadFailed) throw new TaskFailure(downloadFailed(request, 'The provider could not fetch it (HTTP 403).'))
}

export async function generateResults(
  ctx: EmulatorContext,
  request: InferenceRequest,
  record: TaskRecord,
  inline: (LoadedReference | undefined)[],
  faults: TaskFaults,
  outlet: Outlet | undefined,
): Promise<void> {
  const started = performance.now()
  const { latencyMs, staggerMs } = ctx.options
  // The first result waits latencyMs; each later one at least staggerMs after the one before,
  // so they arrive one by one even when rendering is slower than the stagger.
  let releaseAt = started + latencyMs
  const waitForTurn = () => ctx.life.delay(releaseAt - performance.now())
  const format = formatFromOutput(request.outputFormat)
  let sent = 0
  let succeeded = 0
  const scope = { taskType: 'imageInference', taskUUID: request.taskUUID }
  // grouped: the task's items leave together, as one frame, once the last is ready
  const group = faults.failedResults?.grouped ? { data: [] as DataItem[], errors: [] as ErrorItem[] } : undefined
  const send = (data: DataItem[], errors: ErrorItem[]) => {
    if (group) {
      group.data.push(...data)
      group.errors.push(...errors)
    } else outlet?.send(data, errors)
  }
  try {
    await taskFaultCheck(request, faults)
    const references = await fetchUrlReferences(ctx, request, inline)
    const canvas = await cachedCanvas(references, request.width, request.height)
    const resultSeeds = seeds(request.numberResults)
    const renders = limited(resultSeeds.map((seed, index) => () =>
      renderResult(canvas, { seed, index, prompt: request.positivePrompt, format, quality: request.outputQuality })), RENDER_CONCURRENCY)
    for (let index = 0; index < request.numberResults; index++) {
      if (index === faults.failAfter) throw new TaskFailure(errorItem('timeoutProvider', PROVIDER_TIMEOUT_MESSAGE, scope))
      let bytes = await renders[index]!
      let intact = true
      // The truncatedImage fault: the bytes end early, as after a broken transfer.
      if (faults.truncatedImage) {
        bytes = bytes.subarray(0, Math.floor(bytes.length / 3))
        intact = false
      }
      if (faults.absurd && index === 0) {
        bytes = absurdImage(bytes, faults.absurd)
        intact = false
      }
      await waitForTurn()
      releaseAt = performance.now() + staggerMs
      if (faults.failedResults?.indexes.includes(index)) {
        // one generation failed while the others go on (a mixed reply); it carries the task's taskUUID
        const failed = errorItem('timeoutProvider', PROVIDER_TIMEOUT_MESSAGE, scope)
        record.slots[index] = { status: 'error', item: failed }
        if (request.webhookURL) postWebhook(ctx, request.webhookURL, { errors: [failed] })
        send([], [failed])
        continue
      }
      const item = resultItem(ctx, request, { bytes, format, seed: resultSeeds[index]! })
      ctx.results.push({ taskUUID: request.taskUUID, imageUUID: item.imageUUID as string, intact })
      record.slots[index] = { status: 'success', item }
      succeeded++
      if (request.webhookURL) postWebhook(ctx, request.webhookURL, { data: [item] })
      if (request.uploadEndpoint) putUpload(ctx, request.uploadEndpoint, bytes, MIME[format])
      if (!outlet) continue
      send([item], [])
      sent++
      if (sent === faults.dropAfter) outlet.drop?.()
    }
    if (group) outlet?.send(group.data, group.errors)
  } catch (error) {
    if (error instanceof ClosedError) throw error
    const item: ErrorItem = error instanceof TaskFailure
      ? error.item
      : errorItem('inferenceError', `Image generation failed: ${(error as Error).message}`, { taskType: 'imageInference', taskUUID: request.taskUUID })
    // A failure surfaces no earlier than the first result would have.
    await waitForTurn()
    record.failure = item
    // After some results the task's failure is each remaining generation's: one error each.
    const left = succeeded > 0 ? record.slots.flatMap((slot, index) => (slot.status === 'processing' ? [index] : [])) : []
    for (const index of left) record.slots[index] = { status: 'error', item }
    const errors = left.length > 0 ? left.map(() => item) : [item]
    if (request.webhookURL) postWebhook(ctx, request.webhookURL, { errors })
    if (group) outlet?.send(group.data, [...group.errors, ...errors])
    else outlet?.send([], errors)
  }
}
