import { describe, expect, it } from 'vitest'

import type { PendingRun, UiToPlugin } from '../../src/common/protocol'
import type { Timers } from '../../ui/bridge/bridge'
import type { GenerateHandlers, Generator } from '../../ui/generation/generator'
import { createRecovery, type RecoveryConfig } from '../../ui/generation/recover-runs'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { classifyError } from '../../ui/runware/classify-error'
import { interruptedError, networkError } from '../../ui/runware/errors'
import { EndpointSchema } from '../../ui/state/settings'
import { dataUri, fakeCodec, fakeJpeg } from './fixtures'

// Recovery of interrupted runs: an entry goes only once Runware has answered for its task;
// while Runware cannot be reached it is kept, asked about again on a growing delay, and its
// placements are remembered so nothing is placed twice.

const NOW = new Date('2025-03-04T05:06:07.000Z')
const CONFIG: RecoveryConfig = { apiKey: 'rw-key-123456', endpoint: EndpointSchema.parse({}), options: DEFAULT_GENERATION_OPTIONS }
const RETRY = { firstMs: 1000, factor: 2, maxMs: 3000 }

function pendingRun(overrides: Partial<PendingRun> = {}): PendingRun {
  return {
    taskUUID: 'task-1',
    plan: { runId: 'run-1', prompt: 'a harbour', size: { width: 720, height: 720 }, count: 2, referenceNodeIds: ['1:2'] },
    placedImageUUIDs: [],
    sentAt: NOW.getTime() - 60_000,
    ...overrides,
  }
}

/** Timers the test fires by hand, newest delay visible. */
function manualTimers() {
  const waiting: { callback: () => void; ms: number }[] = []
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { callback, ms }
      waiting.push(entry)
      return entry
    },
    clearTimeout: (handle) => {
      const index = waiting.indexOf(handle as (typeof waiting)[number])
      if (index >= 0) waiting.splice(index, 1)
    },
  }
  return { timers, delays: () => waiting.map((entry) => entry.ms), fire: () => waiting.splice(0).forEach((entry) => entry.callback()) }
}

type Answer = (handlers: GenerateHandlers) => void

function setup(answers: Answer[]) {
  const sent: UiToPlugin[] = []
  const asked: string[] = []
  const generator: Generator = {
    uploadImage: async () => ({ imageUUID: 'u' }),
    generate: async () => undefined,
    async recover(taskUUID, _count, handlers) {
      asked.push(taskUUID)
      const answer = answers.shift()
      if (!answer) throw new Error('asked more often than scripted')
      answer(handlers)
    },
  }
  const manual = manualTimers()
  const placed: string[] = []
  const recovery = createRecovery({
    bridge: {
      send: (message) => sent.push(message) > 0,
      startRun: async (plan) => ({ slotNodeIds: Array.from({ length: plan.count }, (_, i) => `slot:${i}`) }),
      placeResult: async ({ record }) => {
        placed.push(record.imageUUID)
        return { nodeId: `node:${placed.length}` }
      },
    },
    generatorFor: () => generator,
    pipeline: createImagePipeline(fakeCodec().codec),
    fetchBytes: async () => fakeJpeg(720, 720),
    clock: { now: () => NOW },
    timers: manual.timers,
    recoveryRetry: RETRY,
  })
  const of = <T extends UiToPlugin['type']>(type: T) => sent.filter((m): m is Extract<UiToPlugin, { type: T }> => m.type === type)
  const placedUUIDs = () => [...placed]
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return { recovery, of, asked, placedUUIDs, settle, ...manual }
}

const result = (n: number) => ({ taskUUID: 'task-1', imageUUID: `img-${n}`, seed: n, imageDataURI: dataUri(fakeJpeg(720, 720), 'image/jpeg') })
const unreachable: Answer = () => {
  throw networkError('fetch failed', true)
}
const delivers =
  (...ns: number[]): Answer =>
  (handlers) => {
    for (const n of ns) handlers.onResult(result(n))
  }

describe('recovery', () => {
  it('offline at launch: keeps the runs, says how many it will fetch, and asks again on a growing delay', async () => {
    const { recovery, of, asked, delays, fire, settle, placedUUIDs } = setup([unreachable, unreachable, unreachable, unreachable, delivers(1, 2), delivers(3)])
    const second = pendingRun({ taskUUID: 'task-2', plan: { ...pendingRun().plan, runId: 'run-2', count: 1 } })
    await recovery.recover([pendingRun(), second], CONFIG)
    expect(recovery.report.value).toEqual(['2 interrupted runs will be fetched when Runware is reachable again.'])
    expect(of('pending-run-cleared')).toEqual([])
    expect(recovery.waiting.value).toBe(2)
    expect(delays()).toEqual([1000])

    fire()
    await settle()
    await settle()
    expect(asked).toEqual(['task-1', 'task-2', 'task-1', 'task-2'])
    expect(delays()).toEqual([2000])
    // no new line for a retry that found Runware still away
    expect(recovery.report.value).toHaveLength(1)

    fire()
    await settle()
    await settle()
    expect(placedUUIDs()).toEqual(['img-1', 'img-2', 'img-3'])
    expect(of('pending-run-cleared').map((m) => m.taskUUID)).toEqual(['task-1', 'task-2'])
    expect(recovery.report.value.slice(1)).toEqual([
      'Recovered 2 images from the interrupted run “a harbour”.',
      'Recovered 1 image from the interrupted run “a harbour”.',
    ])
    expect(recovery.waiting.value).toBe(0)
    expect(delays()).toEqual([])
  })

  it('grows the delay to its cap', async () => {
    const { recovery, delays, fire, settle } = setup(Array.from({ length: 5 }, () => unreachable))
    await recovery.recover([pendingRun()], CONFIG)
    const seen: number[] = []
    for (let i = 0; i < 4; i++) {
      seen.push(...delays())
      fire()
      await settle()
      await settle()
    }
    expect(seen).toEqual([1000, 2000, 3000, 3000])
  })

  it('clears the entry once Runware says it does not know the task', async () => {
    const { recovery, of, delays } = setup([
      () => {
        throw classifyError({ status: 400, code: 'taskFailedOrNotFound' })
      },
    ])
    await recovery.recover([pendingRun()], CONFIG)
    expect(of('pending-run-cleared').map((m) => m.taskUUID)).toEqual(['task-1'])
    expect(recovery.report.value[0]).toMatch(/^Could not recover the interrupted run “a harbour”/)
    expect(delays()).toEqual([])
  })

  it('places what came before the connection went again, keeps the rest, and never places it twice', async () => {
    const cutShort: Answer = (handlers) => {
      handlers.onResult(result(1))
      throw interruptedError(networkError('Connection lost and not resumed'))
    }
    const { recovery, of, fire, settle, placedUUIDs } = setup([cutShort, delivers(1, 2)])
    await recovery.recover([pendingRun()], CONFIG)
    expect(placedUUIDs()).toEqual(['img-1'])
    expect(recovery.report.value).toEqual([
      'Recovered 1 of 2 images from the interrupted run “a harbour”; the rest will be fetched when Runware is reachable again.',
      'An interrupted run will be fetched when Runware is reachable again.',
    ])
    fire()
    await settle()
    await settle()
    expect(placedUUIDs()).toEqual(['img-1', 'img-2'])
    expect(of('pending-run-cleared')).toHaveLength(1)
  })

  it('asks about a run interrupted in this session after the first delay, or at once when the connection is back', async () => {
    const { recovery, asked, delays, placedUUIDs, settle } = setup([delivers(1)])
    recovery.keep(pendingRun({ placedImageUUIDs: ['img-0'] }), CONFIG)
    await settle()
    expect(recovery.waiting.value).toBe(1)
    expect(delays()).toEqual([1000])
    expect(asked).toEqual([])
    recovery.retryNow()
    await settle()
    await settle()
    expect(asked).toEqual(['task-1'])
    expect(placedUUIDs()).toEqual(['img-1'])
    expect(recovery.waiting.value).toBe(0)
    expect(delays()).toEqual([])
  })

  it('drops a kept run once it is older than a day, without asking', async () => {
    const { recovery, asked, fire, settle } = setup([])
    recovery.keep(pendingRun({ sentAt: NOW.getTime() - 25 * 60 * 60 * 1000 }), CONFIG)
    await settle()
    fire()
    await settle()
    expect(asked).toEqual([])
    expect(recovery.waiting.value).toBe(0)
  })
})
