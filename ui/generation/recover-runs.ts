import { signal, type ReadonlySignal } from '../lib/signals'
import { v4 as uuidv4 } from 'uuid'

import { images } from '../lib/format'

import type { GenerationOptions } from '../runware/generation-options'
import type { PendingRun, RunPlan, UiToPlugin } from '../../src/common/protocol'
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
// quick (figma-platform.md §6.7), so unfilled placeholders are removed on close instead of
// being left on the canvas looking like work still in progress.

export interface RecoveryBridge extends DeliverBridge {
  send(message: UiToPlugin): boolean
  startRun(plan: RunPlan): Promise<{ slotNodeIds: string[] }>
}

export interface RecoveryDeps {
  bridge: RecoveryBridge
  generatorFor: GeneratorFactory
  pipeline: ImagePipeline
  fetchBytes: FetchBytes
  clock: { now(): Date }
  newId?: () => string
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
  recover(runs: PendingRun[], config: RecoveryConfig): Promise<void>
}

function quoted(prompt: string): string {
  return `“${prompt.length > 40 ? `${prompt.slice(0, 39)}…` : prompt}”`
}

export function createRecovery(deps: RecoveryDeps): Recovery {
  const newId = deps.newId ?? uuidv4
  const report = signal<string[]>([])
  const busy = signal(false)
  const say = (text: string) => (report.value = [...report.value, text])

  async function place(run: PendingRun, results: InferenceResult[], config: RecoveryConfig): Promise<number> {
    const runId = newId()
    const plan: RunPlan = { ...run.plan, runId, count: results.length }
    // Into the interrupted run's own section and empty slots, when the sandbox still finds it.
    const free = [...Array(run.plan.count).keys()].filter((index) => !run.placedIndices?.includes(index))
    if (run.sectionId && free.length >= results.length) plan.target = { sectionId: run.sectionId, indices: free.slice(0, results.length), count: run.plan.count }
    await deps.bridge.startRun(plan)
    let placed = 0
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
        await deliverResult(deps, { runId, index, result, record })
        placed++
      } catch (error) {
        const { message } = describeError(error, config.apiKey, 'This image could not be placed')
        deps.bridge.send({ type: 'result-failed', runId, index, message })
      }
    }
    deps.bridge.send({ type: 'run-end', runId, outcome: placed > 0 ? 'done' : 'failed' })
    return placed
  }

  async function recoverOne(run: PendingRun, config: RecoveryConfig & { apiKey: string }): Promise<void> {
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
        placed = await place(run, fresh, config)
      } catch (error) {
        placeError = error
      }
    }
    deps.bridge.send({ type: 'pending-run-cleared', taskUUID: run.taskUUID })
    const reason = failure ?? placeError
    const why = reason === undefined ? '' : ` (${describeError(reason, config.apiKey, 'Runware no longer has it').message})`
    if (placed > 0 && placed >= missing) say(`Recovered ${images(placed)} from the interrupted run ${quoted(run.plan.prompt)}.`)
    else if (placed > 0) say(`Recovered ${placed} of ${images(missing)} from the interrupted run ${quoted(run.plan.prompt)}; the rest could not be recovered${why}.`)
    else say(`Could not recover the interrupted run ${quoted(run.plan.prompt)}${why}. ${BILLING_NOTE}`)
  }

  return {
    report,
    busy,
    async recover(runs, config) {
      if (runs.length === 0) return
      const apiKey = config.apiKey
      if (!apiKey) {
        say(`${runs.length === 1 ? 'An interrupted run' : `${runs.length} interrupted runs`} can be recovered once your Runware API key is in Settings. Add it, then reopen the plugin.`)
        return
      }
      busy.value = true
      try {
        // one at a time: each needs its own placeholders and the sandbox handles one message at a time anyway
        for (const run of runs) await recoverOne(run, { ...config, apiKey })
      } finally {
        busy.value = false
      }
    },
  }
}
