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
import type { InferenceResult } from '../runware/types'
import { describeError, isAbort } from './error-text'
import type { GenerateRequest, Generator, GeneratorFactory } from './generator'
import { forgetUploads, uploadReferences } from './reference-uploads'
import { sendResult, type Delivery, type ReadImage } from './deliver-result'
import type { FetchBytes } from './result-bytes'
import { resultRecord } from './result-record'
import { isActive, type RunState, type Slot } from './run-state'
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

  function setSlot(index: number, slot: Slot): void {
    update((state) => ({ slots: state.slots.map((old, i) => (i === index ? slot : old)) }))
  }

  function note(text: string): void {
    update((state) => ({ notes: [...state.notes, text] }))
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

    const finish = (outcome: RunOutcome, error?: unknown): StartOutcome => {
      const unfilled = outcome === 'cancelled' || outcome === 'interrupted' ? outcome : 'failed'
      update((state) => ({
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
    // The placeholders and the references do not depend on each other: the sandbox lays out
    // the run while the references are looked up (or uploaded). Nothing goes to Runware as a
    // task before both are done.
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

    update(() => ({ phase: 'preparing' }))
    try {
      await preparing
    } catch (error) {
      return signal.aborted || isAbort(error) ? finish('cancelled') : finish('failed', error)
    }

    update(() => ({ phase: 'generating' }))
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
    let nextIndex = 0
    // Results are posted one after another in arrival order, each as soon as its bytes are
    // ready, without waiting for the sandbox to confirm the one before: the sandbox handles
    // messages one at a time, so they still land in this order, and a result that arrives
    // while an earlier one is being placed is already on its way.
    let posting: Promise<void> = Promise.resolve()
    const placements: Promise<void>[] = []
    const placedImageUUIDs: string[] = []
    let sentAt = 0

    function failed(index: number, error: unknown): void {
      const { message } = describeError(error, request.apiKey, 'This image could not be placed')
      setSlot(index, { status: 'failed', message })
      deps.bridge.send({ type: 'result-failed', runId, index, message })
    }

    function placed(index: number, record: GenerationRecord, delivery: Delivery): Promise<void> {
      return delivery.placed.then(
        ({ nodeId, readImage }) => {
          setSlot(index, { status: 'placed', nodeId })
          placedImageUUIDs.push(record.imageUUID)
          try {
            if (readImage) deps.onPlaced?.({ runId, index, nodeId, readImage, record, referenceImages: references })
          } catch (error) {
            // the image is on the canvas: a listener's trouble must not mark it failed
            console.warn('onPlaced listener failed:', error)
          }
        },
        (error: unknown) => failed(index, error),
      )
    }

    // Results that arrived before a cancel are still placed: they are finished and paid for.
    // Cancelling stops what comes after, which `onResult` drops.
    async function post(result: InferenceResult, index: number): Promise<void> {
      try {
        const record = resultRecord(result, index, { ...recordContext, taskUUID, createdAt: deps.clock.now() })
        // URL output the iframe cannot download goes to the sandbox's createImageAsync (no bytes here then)
        placements.push(placed(index, record, await sendResult(deps, { runId, index, result, record })))
      } catch (error) {
        failed(index, error)
      }
    }

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

    function sendTask(): Promise<unknown> {
      return raceAbort(
        generator.generate(
          generateRequest(),
          {
            onResult(result) {
              if (signal.aborted || nextIndex >= count) return
              const index = nextIndex++
              // in arrival order; the bytes of a result live only until it is placed
              posting = posting.then(() => post(result, index))
            },
            onFailed(error) {
              if (signal.aborted || nextIndex >= count) return
              // a failed generation takes its slot in arrival order too, so its placeholder goes
              const index = nextIndex++
              posting = posting.then(() => failed(index, error))
            },
            onStatus(status) {
              if (!signal.aborted) update(() => ({ clientStatus: status }))
            },
          },
          signal,
        ),
        signal,
      )
    }

    async function generateOnce(): Promise<unknown> {
      // Before the task leaves, the sandbox keeps it in clientStorage, so a close or an outage
      // mid-run can be recovered. The wait is bounded: a slow storage only costs the recovery.
      sentAt = deps.clock.now().getTime()
      try {
        await deps.bridge.saveTask({ runId, taskUUID })
      } catch {
        note(NOT_SAVED_NOTE)
      }
      if (signal.aborted) return undefined
      try {
        await sendTask()
        return undefined
      } catch (error) {
        return !signal.aborted && !isAbort(error) ? error : undefined
      }
    }

    let failure: unknown
    let reuploaded = false
    for (;;) {
      failure = await generateOnce()
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
      try {
        await forgetUploads(referenceBytes, { cache, account, hash })
        await upload()
      } catch (error) {
        return signal.aborted || isAbort(error) ? finish('cancelled') : finish('failed', error)
      }
      taskUUID = newId()
    }
    await posting
    await Promise.all(placements)

    if (signal.aborted) return finish('cancelled')
    if (isInterrupted(failure)) {
      // the connection went, not the task: what is still missing is fetched by id later
      deps.onInterrupted?.({ taskUUID, plan, placedImageUUIDs: [...placedImageUUIDs], sentAt })
      return finish('interrupted')
    }
    if (failure !== undefined) return finish('failed', failure)
    // Runware delivered fewer images than asked: say which slots stay empty
    run.value?.slots.forEach((slot, index) => {
      if (slot.status !== 'waiting') return
      const message = 'Runware returned fewer images than requested'
      setSlot(index, { status: 'failed', message })
      deps.bridge.send({ type: 'result-failed', runId, index, message })
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
