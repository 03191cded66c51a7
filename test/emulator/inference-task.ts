// Accepting an imageInference task: validate it, claim its taskUUID, load inline references,
// take the task-level faults, then either answer with an ACK and run in the background
// (deliveryMethod async) or run it while the caller waits (sync).
import type { EmulatorContext } from './context'
import { errorItem } from './errors'
import { generateResults, type TaskFaults } from './generate-results'
import { ignoreClosed } from './lifecycle'
import { loadInlineReferences, type LoadedReference } from './load-references'
import type { Outlet } from './outlet'
import { ValidationFailure, type Task } from './validate-fields'
import { validateInference, type InferenceRequest } from './validate-inference'

function takeFaults(ctx: EmulatorContext, request: InferenceRequest, outlet: Outlet): TaskFaults {
  const faults: TaskFaults = {
    providerTimeout: Boolean(ctx.faults.take('providerTimeout')),
    moderation: Boolean(ctx.faults.take('moderation')),
    downloadFailed: Boolean(ctx.faults.take('downloadFailed')),
    truncatedImage: Boolean(ctx.faults.take('truncatedImage')),
    failedResults: ctx.faults.take('failedResults'),
    failAfter: ctx.faults.take('failAfter')?.afterResults,
    absurd: ctx.faults.take('absurdResult')?.what,
  }
  // Only a sync task on a socket streams results the drop could cut between.
  if (outlet.transport === 'ws' && request.deliveryMethod === 'sync') {
    faults.dropAfter = ctx.faults.take('dropSocket')?.afterResults
  }
  return faults
}

async function accept(ctx: EmulatorContext, task: Task): Promise<{ request: InferenceRequest; inline: (LoadedReference | undefined)[] }> {
  const request = validateInference(task, { refuseTaggedReferences: ctx.options.refuseTaggedReferences })
  if (!ctx.taskStore.reserve(request.taskUUID)) {
    throw new ValidationFailure(errorItem('conflictTaskUUID',
      `A task with taskUUID ${request.taskUUID} was already submitted. Use a new UUID v4 for every task.`,
      { parameter: 'taskUUID', taskType: 'imageInference', taskUUID: request.taskUUID }))
  }
  try {
    return { request, inline: await loadInlineReferences(ctx, request) }
  } catch (error) {
    // A task refused before acceptance leaves its UUID free for a corrected retry.
    ctx.taskStore.release(request.taskUUID)
    throw error
  }
}

export async function runInferenceTask(ctx: EmulatorContext, task: Task, outlet: Outlet): Promise<void> {
  let accepted: Awaited<ReturnType<typeof accept>>
  try {
    accepted = await accept(ctx, task)
  } catch (error) {
    if (error instanceof ValidationFailure) return outlet.send([], [error.item])
    throw error
  }
  const { request, inline } = accepted
  const faults = takeFaults(ctx, request, outlet)
  const record = ctx.taskStore.create(request.taskUUID, 'imageInference', outlet.apiKey, request.numberResults)
  // Accepted: from here on an outage or a lost reply leaves the task running, its results kept for getResponse.
  const outage = ctx.faults.take('outage')
  if (outage) ctx.outage.begin(outage.ms)
  const lost = ctx.faults.take('lostReply')
  if (lost) {
    outlet.loseReply(lost.answer, { taskType: 'imageInference', taskUUID: request.taskUUID })
    // a socket's session keeps what follows for a resume; otherwise only getResponse has it
    const resumable = lost.answer === 'drop' && outlet.transport === 'ws'
    void generateResults(ctx, request, record, inline, faults, resumable ? outlet : undefined).catch(ignoreClosed)
    return
  }
  if (request.deliveryMethod === 'async') {
    // One ACK per task, whatever numberResults is.
    outlet.send([{ taskType: 'imageInference', taskUUID: request.taskUUID }], [])
    void generateResults(ctx, request, record, inline, faults, undefined).catch(ignoreClosed)
    return
  }
  if (faults.dropAfter === 0) outlet.drop?.()
  await generateResults(ctx, request, record, inline, faults, outlet)
}
