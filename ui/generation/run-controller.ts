import { signal, type ReadonlySignal } from '../lib/signals'
import { v4 as uuidv4 } from 'uuid'

import type { GenerationOptions } from '../runware/generation-options'
import type { GenerationRecord } from '../../src/common/generation-record'
import type { PendingRun, RunPlan, UiToPlugin } from '../../src/common/protocol'
import type { BoardSettings, Endpoint } from '../state/settings'
import { sha256HexAsync } from '../image/content-hash'
import type { ImagePipeline } from '../image/image-pipeline'
import { memoizeHash } from '../image/memo-hash'
import { isInterrupted, raceAbort } from '../runware'
import { describeError, isAbort } from './error-text'
import type { GenerateHandlers, GenerateRequest, Generator, GeneratorFactory } from './generator'
import { forgetUploads, uploadReferences } from './reference-uploads'
import type { ReadImage } from './deliver-result'
import type { FetchBytes } from './result-bytes'
import { resultRecord } from './result-record'
import { isActive, type RunState, type Slot } from './run-state'
import { CANCEL_PLACE_WAIT_MS, createPlacements } from './run-placements'
import { createRunStages, displayPhase } from './run-stages'
import { createUploadCache, type UploadCache } from './upload-cache'
import { isUnknownUpload } from './unknown-upload'
import { isTagRefusal, UNTAGGED_NOTE } from './tag-refusal'
import { tagsAsPositions, usesTags } from '../lib/prompt-tags'
import { runProblem, type RunReadiness } from './validate-run'

// One generation run from the Generate click to `run-end`: check, ask the sandbox for
// placeholders while the references are made acceptable and uploaded (or found in the
// cache), call Runware, and post each image to the sandbox the moment its bytes are ready.
// Everything outside is injected, so tests drive it with a scripted generator and a fake
// bridge, and nothing here touches the DOM.

/** The part of the bridge a run needs. */
export interface RunBridge {
  send(message: UiToPlugin): boolean
  startRun(plan: RunPlan): Promise<{ slotNodeIds: string[] }>
  placeResult(body: { runId: string; index: number; image: Uint8Array; record: GenerationRecord }): Promise<{ nodeId: string }>
  placeResultUrl?(body: { runId: string; index: number; url: string; record: GenerationRecord }): Promise<{ nodeId: string }>
  /** Resolves once the sandbox has the run's task in clientStorage (bounded by the bridge's timeout). */
  saveTask(body: { runId: string; taskUUID: string }): Promise<unknown>
}

export interface Clock {
  now(): Date
}

export interface RunControllerDeps {
  bridge: RunBridge
  generatorFor: GeneratorFactory
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
  clock: Clock
  newId?: () => string
  hash?: (bytes: Uint8Array) => string | Promise<string>
  uploadCache?: UploadCache
  /** Told of each image once it is on the canvas (History keeps a thumbnail and its cost). */
  onPlaced?: (placed: PlacedResult) => void
  /** Told of a run whose connection was lost while its task may still run: its rest is fetched later. */
  onInterrupted?: (run: PendingRun) => void
}

export interface PlacedResult {
  runId: string
  index: number
  nodeId: string
  /** Reads the placed image's bytes again (the posted ones went to the sandbox). */
  readImage: ReadImage
  record: GenerationRecord
  /** What `inputs.referenceImages` held: imageUUIDs, or data URIs for references sent inline. */
  referenceImages: readonly string[]
}

export interface RunRequest extends RunReadiness {
  options: GenerationOptions
  endpoint: Endpoint
  /** Captions and annotations for the canvas; the sandbox's defaults when absent. */
  board?: BoardSettings
}

export type RunOutcome = 'done' | 'cancelled' | 'failed' | 'interrupted'

/** Shown when the sandbox could not confirm the run's recovery entry in time; the run goes on. */
export const NOT_SAVED_NOTE =
  "This run could not be saved for recovery: if the plugin closes before it ends, its images can't be fetched again."

export type StartOutcome =
  | { ok: true; outcome: RunOutcome }
  | { ok: false; message: string }

export interface RunController {
  readonly run: ReadonlySignal<RunState | null>
  start(request: RunRequest): Promise<StartOutcome>
  /** Starts what a run will need from these reference bytes (their content hash) now, off the Generate click. */
  prepare(bytes: Uint8Array): void
  cancel(): void
  /** Forget a finished run's display (its progress and error). */
  dismiss(): void
}

function accountOf(request: RunRequest): string {
  return `${request.endpoint.restUrl}|${request.endpoint.wsUrl}|${request.apiKey ?? ''}`
}

export function createRunController(deps: RunControllerDeps): RunController {
  const newId = deps.newId ?? uuidv4
  const hash = memoizeHash(deps.hash ?? sha256HexAsync)
  const cache = deps.uploadCache ?? createUploadCache()
  const run = signal<RunState | null>(null)
  let abort: AbortController | null = null

  function update(change: (state: RunState) => Partial<RunState>): void {
    const state = run.value
    if (state) run.value = { ...state, ...change(state) }
  }

  async function start(request: RunRequest): Promise<StartOutcome> {
    if (isActive(run.value)) return { ok: false, message: 'A run is already in progress' }
    const problem = runProblem(request)
    if (problem) return { ok: false, message: problem }

    const runId = newId()
    const count = request.count
    const controller = new AbortController()
    abort = controller
    const signal = controller.signal
    run.value = {
      runId,
      phase: 'starting',
      slots: Array.from({ length: count }, (): Slot => ({ status: 'waiting' })),
      clientStatus: null,
      error: null,
      notes: [],
    }
    // this run's state only: a late answer must not land on the next run's slots
    const mine = (change: (state: RunState) => Partial<RunState>): void => {
      if (run.value?.runId === runId) update(change)
    }
    const setSlot = (index: number, slot: Slot): void =>
      mine((state) => ({ slots: state.slots.map((old, i) => (i === index ? slot : old)) }))
    const note = (text: string): void => mine((state) => ({ notes: [...state.notes, text] }))
    const stages = createRunStages((stage) => {
      if (stage !== 'ended') mine(() => ({ phase: displayPhase(stage, signal.aborted) }))
    })

    const finish = (outcome: RunOutcome, error?: unknown): StartOutcome => {
      stages.enter('ended')
      const unfilled = outcome === 'cancelled' || outcome === 'interrupted' ? outcome : 'failed'
      mine((state) => ({
        phase: outcome,
        clientStatus: null,
        error: error === undefined ? null : describeError(error, request.apiKey),
        slots: state.slots.map((slot) => (slot.status !== 'waiting' ? slot : { status: unfilled })),
      }))
      deps.bridge.send({ type: 'run-end', runId, outcome })
      if (abort === controller) abort = null
      return { ok: true, outcome }
    }

    const plan: RunPlan = {
      runId,
      prompt: request.prompt.trim(),
      size: { width: request.size.width, height: request.size.height },
      count,
      referenceNodeIds: request.references.map((ref) => ref.nodeId),
      ...request.board,
    }
    let generator: Generator
    let references: string[] = []
    // a reference restored from History after its node went is sent as the imageUUID it was uploaded as
    const referenceBytes = request.references.flatMap((ref) => (ref.bytes ? [ref.bytes] : []))
    const account = accountOf(request)
    const upload = async () => {
      const uploads = uploadReferences(referenceBytes, { generator, pipeline: deps.pipeline, cache, account, hash, signal, note })
      const uploaded = await raceAbort(uploads, signal)
      references = request.references.map((ref) => (ref.bytes ? uploaded.shift()! : ref.imageUUID!))
    }
    const ended = (error: unknown): StartOutcome => (signal.aborted || isAbort(error) ? finish('cancelled') : finish('failed', error))

    // placing: the placeholders and the references do not depend on each other, so the sandbox
    // lays out the run while the references are looked up (or uploaded). Nothing goes to
    // Runware as a task before both are done.
    const placeholders = deps.bridge.startRun(plan)
    let preparing: Promise<void>
    try {
      generator = deps.generatorFor({ apiKey: request.apiKey!, endpoint: request.endpoint })
      preparing = upload()
    } catch (error) {
      preparing = Promise.reject(error)
    }
    // settled either way below; a rejection here must not go unhandled while placeholders wait
    preparing.catch(() => undefined)
    try {
      await placeholders
    } catch (error) {
      // no placeholders, no run: a reference upload still going is stopped
      controller.abort()
      return finish('failed', error)
    }
    if (signal.aborted) return finish('cancelled')

    stages.enter('uploading')
    try {
      await preparing
    } catch (error) {
      return ended(error)
    }

    let taskUUID = newId()
    // References go as `{ image, tag }` objects only when the prompt names one by its tag.
    const tags = request.tags && usesTags(plan.prompt, request.tags) ? [...request.tags] : undefined
    let tagged = tags !== undefined
    const recordContext = {
      referenceTags: tags,
      runId,
      prompt: plan.prompt,
      size: plan.size,
      options: request.options,
      referenceNodeIds: plan.referenceNodeIds,
      numberResults: count,
    }
    const placements = createPlacements({
      bridge: deps.bridge,
      pipeline: deps.pipeline,
      fetchBytes: deps.fetchBytes,
      runId,
      apiKey: request.apiKey,
      setSlot,
      onPlaced(index, nodeId, readImage, record) {
        if (readImage) deps.onPlaced?.({ runId, index, nodeId, readImage, record, referenceImages: references })
      },
    })
    let nextIndex = 0
    let sentAt = 0

    const generateRequest = (): GenerateRequest => ({
      prompt: tags && !tagged ? tagsAsPositions(plan.prompt, tags) : plan.prompt,
      referenceTags: tagged ? tags : undefined,
      width: plan.size.width,
      height: plan.size.height,
      numberResults: count,
      referenceImages: references,
      options: request.options,
      taskUUID,
    })

    // Results that arrived before a cancel are still placed: they are finished and paid for.
    // Cancelling stops what comes after, which `onResult` drops.
    const handlers: GenerateHandlers = {
      onResult(result) {
        if (signal.aborted || nextIndex >= count) return
        const index = nextIndex++
        const sentAs = taskUUID
        placements.add(index, result, () => resultRecord(result, index, { ...recordContext, taskUUID: sentAs, createdAt: deps.clock.now() }))
      },
      onFailed(error) {
        if (signal.aborted || nextIndex >= count) return
        // a failed generation takes its slot in arrival order too, so its placeholder goes
        placements.failInOrder(nextIndex++, error)
      },
      onStatus(status) {
        if (!signal.aborted) mine(() => ({ clientStatus: status }))
      },
    }

    /** saving, then sending: resolves with why the task did not finish, or undefined. */
    async function sendOnce(): Promise<unknown> {
      // Before the task leaves, the sandbox keeps it in clientStorage, so a close or an outage
      // mid-run can be recovered. The wait is bounded: a slow storage only costs the recovery.
      stages.enter('saving')
      sentAt = deps.clock.now().getTime()
      try {
        await deps.bridge.saveTask({ runId, taskUUID })
      } catch {
        note(NOT_SAVED_NOTE)
      }
      if (signal.aborted) return undefined
      stages.enter('sending')
      try {
        await raceAbort(generator.generate(generateRequest(), handlers, signal), signal)
        return undefined
      } catch (error) {
        return !signal.aborted && !isAbort(error) ? error : undefined
      }
    }

    let failure: unknown
    let reuploaded = false
    for (;;) {
      failure = await sendOnce()
      if (failure === undefined || nextIndex > 0 || signal.aborted) break
      // Tagged references refused before the task was accepted (nothing billed): send the
      // run once more as plain strings, each @tag said by its position, as a new task.
      if (tagged && isTagRefusal(failure)) {
        tagged = false
        note(UNTAGGED_NOTE)
        taskUUID = newId()
        continue
      }
      // A cached upload Runware no longer knows: it refused the task before running it, so
      // nothing was billed. Upload again and send a new task (a new taskUUID: a task id is
      // never sent twice), once.
      if (reuploaded || !isUnknownUpload(failure, references)) break
      reuploaded = true
      stages.enter('uploading')
      try {
        await forgetUploads(referenceBytes, { cache, account, hash })
        await upload()
      } catch (error) {
        return ended(error)
      }
      taskUUID = newId()
    }

    stages.enter('delivering')
    // A cancelled run still places what had arrived, but only for so long (see CANCEL_PLACE_WAIT_MS);
    // otherwise each placement is bounded by its own download and sandbox timeouts.
    await placements.settle(signal.aborted ? CANCEL_PLACE_WAIT_MS : undefined)

    if (signal.aborted) return finish('cancelled')
    if (isInterrupted(failure)) {
      // the connection went, not the task: what is still missing is fetched by id later
      deps.onInterrupted?.({ taskUUID, plan, placedImageUUIDs: [...placements.placedImageUUIDs], sentAt })
      return finish('interrupted')
    }
    if (failure !== undefined) return finish('failed', failure)
    // Runware delivered fewer images than asked: say which slots stay empty
    run.value?.slots.forEach((slot, index) => {
      if (slot.status === 'waiting') placements.fail(index, 'Runware returned fewer images than requested')
    })
    return finish('done')
  }

  return {
    run,
    start,
    prepare(bytes) {
      // a failure here is not the run's: the run asks again and reports it then
      hash(bytes).catch(() => undefined)
    },
    cancel() {
      if (!abort || abort.signal.aborted) return
      update(() => ({ phase: 'cancelling' }))
      abort.abort()
    },
    dismiss() {
      if (!isActive(run.value)) run.value = null
    },
  }
}
