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
import { TaskFailure, type Outlet } from './outlet'
import { renderResult } from './render-result'
import { resultItem } from './result-item'
import type { TaskRecord } from './task-store'
import type { InferenceRequest } from './validate-inference'

export interface TaskFaults {
  providerTimeout: boolean
  moderation: boolean
  downloadFailed: boolean
  truncatedImage: boolean
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
  // runware-api.md §3: the provider-timeout item carries no parameter.
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
  try {
    await taskFaultCheck(request, faults)
    const references = await fetchUrlReferences(ctx, request, inline)
    const canvas = await cachedCanvas(references, request.width, request.height)
    const resultSeeds = seeds(request.numberResults)
    const renders = limited(resultSeeds.map((seed, index) => () =>
      renderResult(canvas, { seed, index, prompt: request.positivePrompt, format, quality: request.outputQuality })), RENDER_CONCURRENCY)
    for (let index = 0; index < request.numberResults; index++) {
      let bytes = await renders[index]!
      // The truncatedImage fault: the bytes end early, as after a broken transfer.
      if (faults.truncatedImage) bytes = bytes.subarray(0, Math.floor(bytes.length / 3))
      await waitForTurn()
      releaseAt = performance.now() + staggerMs
      const item = resultItem(ctx, request, { bytes, format, seed: resultSeeds[index]! })
      record.slots[index] = { status: 'success', item }
      if (request.webhookURL) postWebhook(ctx, request.webhookURL, { data: [item] })
      if (request.uploadEndpoint) putUpload(ctx, request.uploadEndpoint, bytes, MIME[format])
      if (!outlet) continue
      outlet.send([item], [])
      sent++
      if (sent === faults.dropAfter) outlet.drop?.()
    }
  } catch (error) {
    if (error instanceof ClosedError) throw error
    const item: ErrorItem = error instanceof TaskFailure
      ? error.item
      : errorItem('inferenceError', `Image generation failed: ${(error as Error).message}`, { taskType: 'imageInference', taskUUID: request.taskUUID })
    // A failure surfaces no earlier than the first result would have.
    await waitForTurn()
    record.failure = item
    if (request.webhookURL) postWebhook(ctx, request.webhookURL, { errors: [item] })
    outlet?.send([], [item])
  }
}
