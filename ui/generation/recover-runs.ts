import { shorten } from '../../src/common/shorten'
import { signal, type ReadonlySignal } from '../lib/signals'
import { v4 as uuidv4 } from 'uuid'

import { images } from '../lib/format'

import type { GenerationOptions } from '../runware/generation-options'
import { PENDING_RUN_MAX_AGE_MS } from '../../src/common/pending-run'
import type { PendingRun, RunPlan, UiToPlugin } from '../../src/common/protocol'
import { browserTimers, type Timers } from '../bridge/bridge'
import { isInterrupted } from '../runware/errors'
import type { Endpoint } from '../state/settings'
import type { ImagePipeline } from '../image/image-pipeline'
import type { InferenceResult } from '../runware/types'
import { deliverResult, type DeliverBridge } from './deliver-result'
import { describeError } from './error-text'
import type { GeneratorFactory } from './generator'
import type { FetchBytes } from './result-bytes'
import { resultRecord } from './result-record'
import { BILLING_NOTE } from './run-state'

// Runs a close cut short, picked up on the next launch. The sandbox kept each run's taskUUID
// and plan; here each task is asked about with getResponse (never sent again as a new paid
// task), what Runware still holds is placed in a fresh set of placeholders (in the run's own section
// and empty slots while that section exists), and the designer
// is told plainly what came back and what did not. The pending entry is cleared either way,
// except when there is no key to ask with: then it waits for the next launch.
// Why fresh placeholders rather than the old ones: the close callback must be synchronous and
// quick (no awaiting there), so unfilled placeholders are removed on close instead of
// being left on the canvas looking like work still in progress.

export interface RecoveryBridge extends DeliverBridge {
  send(message: UiToPlugin): boolean
  startRun(plan: RunPlan): Promise<{ slotNodeIds: string[] }>
}

/** How soon a run Runware could not be reached for is asked about again: growing to a cap. */
export interface RecoveryRetry {
  firstMs: number
  factor: number
  maxMs: number
}

export const DEFAULT_RECOVERY_RETRY: RecoveryRetry = { firstMs: 10_000, factor: 2, maxMs: 5 * 60_000 }

export interface RecoveryDeps {
  bridge: RecoveryBridge
  generatorFor: GeneratorFactory
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
  clock: { now(): Date }
  newId?: () => string
  timers?: Timers
  recoveryRetry?: RecoveryRetry
  /** Told once Runware has answered for a task and its entry went. */
  onAnswered?: (taskUUID: string) => void
}

export interface RecoveryConfig {
  apiKey: string | null
  endpoint: Endpoint
  options: GenerationOptions
}

export interface Recovery {
  /** One sentence per interrupted run, for the designer. */
  readonly report: ReadonlySignal<string[]>
  readonly busy: ReadonlySignal<boolean>
  /** How many runs wait for Runware to be reachable again. */
  readonly waiting: ReadonlySignal<number>
  recover(runs: PendingRun[], config: RecoveryConfig): Promise<void>
  /** A run interrupted in this session: its missing results are asked about later, backing off. */
  keep(run: PendingRun, config: RecoveryConfig): void
  /** The connection came back (the browser's `online` event): ask about the waiting runs now. */
  retryNow(): void
  dispose(): void
}

function quoted(prompt: string): string {
  return `“${shorten(prompt, 40)}”`
}

function runsText(count: number): string {
  return count === 1 ? 'An interrupted run' : `${count} interrupted runs`
}

/** Runware could not be reached (or was too busy to answer): that says nothing about the task. */
function unreachable(error: unknown): boolean {
  const kind = (error as { kind?: unknown } | null)?.kind
  return isInterrupted(error) || kind === 'network' || kind === 'rateLimit'
}

type Outcome = 'answered' | 'unreachable'

export function createRecovery(deps: RecoveryDeps): Recovery {
  const newId = deps.newId ?? uuidv4
  const timers = deps.timers ?? browserTimers
  const retry = deps.recoveryRetry ?? DEFAULT_RECOVERY_RETRY
  const report = signal<string[]>([])
  const busy = signal(false)
  const waiting = signal(0)
  const say = (text: string) => (report.value = [...report.value, text])
  /** Runs Runware could not be reached for, by taskUUID, with the config to ask with. */
  const kept = new Map<string, PendingRun>()
  let config: RecoveryConfig | null = null
  let attempt = 0
  let timer: unknown = null
  let queue: Promise<void> = Promise.resolve()
  let disposed = false

  async function place(run: PendingRun, results: InferenceResult[], config: RecoveryConfig): Promise<string[]> {
    const runId = newId()
    const plan: RunPlan = { ...run.plan, runId, count: results.length }
    // Into the interrupted run's own section and empty slots, when the sandbox still finds it.
    const free = [...Array(run.plan.count).keys()].filter((index) => !run.placedIndices?.includes(index))
    if (run.sectionId && free.length >= results.length) plan.target = { sectionId: run.sectionId, indices: free.slice(0, results.length), count: run.plan.count }
    await deps.bridge.startRun(plan)
    const placed: string[] = []
    for (const [index, result] of results.entries()) {
      const record = resultRecord(result, index, {
        runId,
        taskUUID: run.taskUUID,
        prompt: plan.prompt,
        size: plan.size,
        options: config.options,
        referenceNodeIds: plan.referenceNodeIds,
        createdAt: deps.clock.now(),
      })
      try {
        // the sandbox marks it placed on the task's pending entry, so it is never placed twice
        await deliverResult(deps, { runId, index, result, record })
        placed.push(result.imageUUID)
      } catch (error) {
        const { message } = describeError(error, config.apiKey, 'This image could not be placed')
        deps.bridge.send({ type: 'result-failed', runId, index, message })
      }
    }
    deps.bridge.send({ type: 'run-end', runId, outcome: placed.length > 0 ? 'done' : 'failed' })
    return placed
  }

  async function recoverOne(run: PendingRun, config: RecoveryConfig & { apiKey: string }): Promise<Outcome> {
    const generator = deps.generatorFor({ apiKey: config.apiKey, endpoint: config.endpoint })
    const results: InferenceResult[] = []
    let failure: unknown
    try {
      if (!generator.recover) throw new Error('This connection cannot look up earlier tasks')
      await generator.recover(run.taskUUID, run.plan.count, { onResult: (result) => void results.push(result), onStatus: () => {} })
    } catch (error) {
      failure = error
    }
    const fresh = results.filter((result) => !run.placedImageUUIDs.includes(result.imageUUID))
    const missing = run.plan.count - run.placedImageUUIDs.length
    let placed = 0
    let placeError: unknown
    if (fresh.length > 0) {
      try {
        const uuids = await place(run, fresh, config)
        run.placedImageUUIDs.push(...uuids)
        placed = uuids.length
      } catch (error) {
        placeError = error
      }
    }
    if (failure !== undefined && unreachable(failure)) {
      // Runware did not answer for the task: it stays pending, to be asked about again
      kept.set(run.taskUUID, run)
      if (placed > 0) say(`Recovered ${placed} of ${images(missing)} from the interrupted run ${quoted(run.plan.prompt)}; the rest will be fetched when Runware is reachable again.`)
      return 'unreachable'
    }
    deps.bridge.send({ type: 'pending-run-cleared', taskUUID: run.taskUUID })
    deps.onAnswered?.(run.taskUUID)
    const reason = failure ?? placeError
    const why = reason === undefined ? '' : ` (${describeError(reason, config.apiKey, 'Runware no longer has it').message})`
    if (placed > 0 && placed >= missing) say(`Recovered ${images(placed)} from the interrupted run ${quoted(run.plan.prompt)}.`)
    else if (placed > 0) say(`Recovered ${placed} of ${images(missing)} from the interrupted run ${quoted(run.plan.prompt)}; the rest could not be recovered${why}.`)
    else say(`Could not recover the interrupted run ${quoted(run.plan.prompt)}${why}. ${BILLING_NOTE}`)
    return 'answered'
  }

  function current(run: PendingRun): boolean {
    return deps.clock.now().getTime() - run.sentAt <= PENDING_RUN_MAX_AGE_MS
  }

  /** Asks about each run, one at a time; returns how many Runware could not be reached for. */
  async function recoverAll(runs: PendingRun[], given: RecoveryConfig): Promise<number> {
    const apiKey = given.apiKey
    if (!apiKey) {
      say(`${runsText(runs.length)} can be recovered once your Runware API key is in Settings. Add it, then reopen the plugin.`)
      return 0
    }
    busy.value = true
    let unreached = 0
    try {
      // one at a time: each needs its own placeholders and the sandbox handles one message at a time anyway
      for (const run of runs) if ((await recoverOne(run, { ...given, apiKey })) === 'unreachable') unreached++
    } finally {
      busy.value = false
      waiting.value = kept.size
    }
    return unreached
  }

  function schedule(): void {
    if (disposed || timer !== null) return
    if (kept.size === 0) {
      attempt = 0
      return
    }
    const ms = Math.min(retry.maxMs, retry.firstMs * retry.factor ** attempt++)
    timer = timers.setTimeout(() => {
      timer = null
      retryKept()
    }, ms)
  }

  /** Serialised: a retry and a launch's recovery never place into the canvas at once. */
  function enqueue(work: () => Promise<void>): Promise<void> {
    queue = queue.then(work).then(schedule, schedule)
    return queue
  }

  function retryKept(): void {
    void enqueue(async () => {
      const runs = [...kept.values()].filter(current)
      kept.clear()
      if (runs.length > 0 && config) await recoverAll(runs, config)
      waiting.value = kept.size
    })
  }

  return {
    report,
    busy,
    waiting,
    recover(runs, given) {
      config = given
      if (runs.length === 0) return queue
      return enqueue(async () => {
        const unreached = await recoverAll(runs, given)
        if (unreached > 0) say(`${runsText(unreached)} will be fetched when Runware is reachable again.`)
      })
    },
    keep(run, given) {
      config = given
      kept.set(run.taskUUID, { ...run, placedImageUUIDs: [...run.placedImageUUIDs] })
      waiting.value = kept.size
      attempt = 0
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
      void enqueue(async () => undefined)
    },
    retryNow() {
      if (kept.size === 0) return
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
      attempt = 0
      retryKept()
    },
    dispose() {
      disposed = true
      if (timer !== null) timers.clearTimeout(timer)
      timer = null
    },
  }
}
