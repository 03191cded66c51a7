import { describe, expect, it, vi } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { buildInferenceTask } from '../../ui/runware/build-task'
import { classifyError } from '../../ui/runware/classify-error'
import { networkError } from '../../ui/runware/errors'
import {
  canMove,
  createPhaseHolder,
  INFERENCE_PHASES,
  isEnded,
  leave,
  type InferencePhaseName,
  type PhaseNamed,
} from '../../ui/runware/inference-phases'
import { createInferenceRun, type InferenceRun } from '../../ui/runware/inference-run'
import type { InferenceTask } from '../../ui/runware/task-schema'
import { FakeTransport } from './fake-transport'
import { TASK_UUID, until } from './helpers'

// An inference run's phases: the table move by move, then the phases a real run goes through.

const NAMES = Object.keys(INFERENCE_PHASES) as InferencePhaseName[]

/** A legal path from idle to each phase. */
const PATH_TO: Record<InferencePhaseName, InferencePhaseName[]> = {
  idle: [],
  sending: ['sending'],
  awaiting: ['sending', 'awaiting'],
  retrying: ['sending', 'retrying'],
  polling: ['polling'],
  done: ['sending', 'done'],
  interrupted: ['sending', 'interrupted'],
  failed: ['failed'],
}

const LEGAL: Array<[InferencePhaseName, InferencePhaseName]> = [
  ['idle', 'sending'], // start
  ['idle', 'polling'], // recover
  ['idle', 'failed'], // cancelled before it began
  ['sending', 'awaiting'], // written on the socket
  ['sending', 'retrying'], // busy
  ['sending', 'polling'], // async, or the outcome was uncertain
  ['sending', 'done'],
  ['sending', 'interrupted'],
  ['sending', 'failed'],
  ['awaiting', 'awaiting'], // a reply re-arms the watchdog
  ['awaiting', 'retrying'],
  ['awaiting', 'polling'], // the ACK, or the watchdog
  ['awaiting', 'done'],
  ['awaiting', 'interrupted'],
  ['awaiting', 'failed'],
  ['retrying', 'retrying'],
  ['retrying', 'sending'], // the back-off is over
  ['retrying', 'polling'], // a 504: asked about by id first
  ['retrying', 'done'],
  ['retrying', 'interrupted'],
  ['retrying', 'failed'],
  ['polling', 'sending'], // Runware does not know a task whose send was uncertain
  ['polling', 'done'],
  ['polling', 'interrupted'],
  ['polling', 'failed'],
]

const phase = (name: InferencePhaseName) => ({ name }) as PhaseNamed<InferencePhaseName>

function at(name: InferencePhaseName) {
  const holder = createPhaseHolder()
  for (const next of PATH_TO[name]) expect(holder.enter(phase(next))).toBeDefined()
  expect(holder.current.name).toBe(name)
  return holder
}

describe('inference phases, move by move', () => {
  it.each(LEGAL)('%s → %s is taken', (from, to) => {
    const holder = at(from)
    const next = phase(to)
    expect(holder.enter(next)).toBe(next)
    expect(holder.current).toBe(next)
  })

  const illegal = NAMES.flatMap((from) => NAMES.filter((to) => !LEGAL.some(([a, b]) => a === from && b === to)).map((to): [InferencePhaseName, InferencePhaseName] => [from, to]))

  it.each(illegal)('%s → %s is refused, and the phase stays', (from, to) => {
    const holder = at(from)
    const before = holder.current
    expect(canMove(from, to)).toBe(false)
    expect(holder.enter(phase(to))).toBeUndefined()
    expect(holder.current).toBe(before)
  })

  it('the table holds exactly these moves, and only done, interrupted and failed end the run', () => {
    expect(NAMES.flatMap((from) => INFERENCE_PHASES[from].map((to) => [from, to]))).toEqual(LEGAL)
    expect(NAMES.filter(isEnded)).toEqual(['done', 'interrupted', 'failed'])
  })

  it("leaving a phase stops its timer and wakes its poll loop's wait", () => {
    vi.useFakeTimers()
    try {
      const holder = createPhaseHolder()
      holder.enter({ name: 'sending' })
      const fired = vi.fn()
      const awaiting = holder.enter({ name: 'awaiting' })!
      awaiting.timer = setTimeout(fired, 100) as unknown as ReturnType<typeof setTimeout>
      holder.enter({ name: 'polling' })
      vi.advanceTimersByTime(200)
      expect(fired).not.toHaveBeenCalled()

      const wake = vi.fn()
      ;(holder.current as PhaseNamed<'polling'>).wake = wake
      holder.enter({ name: 'done' })
      expect(wake).toHaveBeenCalledOnce()
      // a refused move leaves nothing: the ended phase stays as it was
      leave(holder.current)
      expect(holder.enter({ name: 'sending' })).toBeUndefined()
    } finally {
      vi.useRealTimers()
    }
  })
})

const SETTINGS = {
  retry: { maxRetries: 2, baseMs: 5, factor: 2, maxMs: 20, jitter: 0 },
  poll: { firstMs: 5, factor: 1.5, maxMs: 20, timeoutMs: 5000 },
  replyTimeoutMs: 5000,
}
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
const item = (n: number, extra: Record<string, unknown> = {}) => ({
  taskType: 'imageInference',
  taskUUID: TASK_UUID,
  imageUUID: `img-${n}`,
  imageDataURI: `data:image/png;base64,${PNG}`,
  ...extra,
})

function task(numberResults: number, deliveryMethod: 'sync' | 'async' = 'sync'): InferenceTask {
  const built = buildInferenceTask({
    prompt: 'a harbour',
    width: 720,
    height: 1280,
    numberResults,
    referenceImages: ['d0752792-0016-4aeb-8f8a-a28d7afb611b'],
    options: { ...DEFAULT_GENERATION_OPTIONS, deliveryMethod },
    taskUUID: TASK_UUID,
  })
  if (!built.ok) throw built.error
  return built.task
}

/** Runs a task and notes the phase at each send and each status, in order, without repeats. */
function traced(transport: FakeTransport, t: InferenceTask, signal?: AbortSignal) {
  const trace: string[] = []
  const note = (label: string) => trace.at(-1) !== label && trace.push(label)
  const ref: { run?: InferenceRun } = {}
  const onSend = transport['onSend'] as (tasks: Record<string, unknown>[], tr: FakeTransport) => void | Promise<void>
  ;(transport as unknown as { onSend: typeof onSend }).onSend = (tasks, tr) => {
    note(`${String(tasks[0]?.taskType)}@${ref.run!.phase}`)
    return onSend(tasks, tr)
  }
  const current = (ref.run = createInferenceRun(transport, t, { onResult: () => undefined, onStatus: (s) => note(`${s.kind}@${ref.run!.phase}`) }, SETTINGS, signal))
  const outcome = current.start().then(
    () => 'resolved',
    (error: { kind: string }) => `rejected ${error.kind}`,
  )
  return { run: current, trace, outcome }
}

describe('inference phases, as a run goes through them', () => {
  it('WebSocket: sending, then awaiting each reply, then done', async () => {
    const transport = new FakeTransport('websocket')
    const { run, trace, outcome } = traced(transport, task(2))
    expect(run.phase).toBe('sending')
    await until(() => run.phase === 'awaiting')
    transport.reply({ data: [item(1)] })
    expect(run.phase).toBe('awaiting')
    transport.reply({ data: [item(2)] })
    expect(await outcome).toBe('resolved')
    expect(run.phase).toBe('done')
    expect(trace).toEqual(['imageInference@sending', 'waiting@sending'])
  })

  it('WebSocket async: the ACK moves awaiting to polling', async () => {
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]?.taskType === 'imageInference') queueMicrotask(() => t.reply({ data: [{ taskType: 'imageInference', taskUUID: TASK_UUID }] }))
      else t.reply({ data: [{ ...item(1), status: 'success' }] })
    })
    const { run, trace, outcome } = traced(transport, task(1, 'async'))
    expect(await outcome).toBe('resolved')
    expect(run.phase).toBe('done')
    // the ACK came before the send finished: no 'waiting' is said over the polling
    expect(trace).toEqual(['imageInference@sending', 'polling@polling', 'getResponse@polling'])
  })

  it('busy: retrying until the back-off is over, then sending the same task again', async () => {
    let sends = 0
    const transport = new FakeTransport('websocket', (_tasks, t) => {
      if (++sends === 1) queueMicrotask(() => t.reply({ errors: [{ code: 'rateLimitExceeded', status: 429, taskUUID: TASK_UUID }] }))
      else queueMicrotask(() => t.reply({ data: [item(1)] }))
    })
    const { trace, outcome } = traced(transport, task(1))
    expect(await outcome).toBe('resolved')
    // a 'waiting' after the busy answer would hide the back-off from the designer
    expect(trace).toEqual(['imageInference@sending', 'retrying@retrying', 'imageInference@sending'])
  })

  it('an uncertain send: polling, then sending again once Runware does not know the task', async () => {
    let sends = 0
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') throw classifyError({ status: 400, code: 'taskFailedOrNotFound' })
      if (++sends === 1) throw networkError('socket hang up', false)
      t.reply({ data: [item(1)] }, TASK_UUID)
    })
    const { trace, outcome } = traced(transport, task(1))
    expect(await outcome).toBe('resolved')
    expect(trace).toEqual(['imageInference@sending', 'polling@polling', 'getResponse@polling', 'imageInference@sending'])
  })

  it('an outage ends interrupted; a refusal and a cancel end failed', async () => {
    const outage = traced(new FakeTransport('rest', () => Promise.reject(networkError('socket hang up', false))), task(1))
    expect(await outage.outcome).toBe('rejected network')
    expect(outage.run.phase).toBe('interrupted')

    const refused = traced(new FakeTransport('rest', () => Promise.reject(classifyError({ status: 401, code: 'invalidApiKey' }))), task(1))
    expect(await refused.outcome).toBe('rejected auth')
    expect(refused.run.phase).toBe('failed')

    const controller = new AbortController()
    const cancelled = traced(new FakeTransport('websocket'), task(1), controller.signal)
    await until(() => cancelled.run.phase === 'awaiting')
    controller.abort()
    expect(await cancelled.outcome).toBe('rejected cancelled')
    expect(cancelled.run.phase).toBe('failed')
  })
})
