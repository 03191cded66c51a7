import { describe, expect, it } from 'vitest'

import { DEFAULT_GENERATION_OPTIONS } from '../../ui/runware/generation-options'
import { bytesToBase64 } from '../../ui/runware/base64'
import { buildInferenceTask } from '../../ui/runware/build-task'
import { classifyError } from '../../ui/runware/classify-error'
import { malformedReplyError, networkError, type RunwareError } from '../../ui/runware/errors'
import { createInferenceRun, type GenerateSummary } from '../../ui/runware/inference-run'
import type { InferenceTask } from '../../ui/runware/task-schema'
import type { ClientStatus, InferenceResult } from '../../ui/runware/types'
import { MAX_RESULT_BASE64_CHARS } from '../../ui/runware/result-bounds'
import { FakeTransport } from './fake-transport'
import { TASK_UUID, until } from './helpers'

const SETTINGS = {
  retry: { maxRetries: 2, baseMs: 5, factor: 2, maxMs: 20, jitter: 0 },
  poll: { firstMs: 5, factor: 1.5, maxMs: 20, timeoutMs: 5000 },
  replyTimeoutMs: 5000,
}

// A 1×1 PNG, whole: signature, IHDR, IDAT, IEND.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

function task(numberResults: number, deliveryMethod: 'sync' | 'async' = 'sync'): InferenceTask {
  const built = buildInferenceTask({
    prompt: 'a harbour',
    width: 720,
    height: 720,
    numberResults,
    referenceImages: ['d0752792-0016-4aeb-8f8a-a28d7afb611b'],
    options: { ...DEFAULT_GENERATION_OPTIONS, deliveryMethod },
    taskUUID: TASK_UUID,
  })
  if (!built.ok) throw built.error
  return built.task
}

const item = (n: number, extra: Record<string, unknown> = {}) => ({
  taskType: 'imageInference',
  taskUUID: TASK_UUID,
  imageUUID: `img-${n}`,
  imageDataURI: `data:image/png;base64,${PNG}`,
  seed: n,
  cost: 0.02,
  ...extra,
})

function run(transport: FakeTransport, t: InferenceTask, signal?: AbortSignal) {
  const results: InferenceResult[] = []
  const failures: RunwareError[] = []
  const statuses: ClientStatus[] = []
  const handlers = { onResult: (r: InferenceResult) => results.push(r), onFailed: (e: RunwareError) => failures.push(e), onStatus: (s: ClientStatus) => statuses.push(s) }
  const promise = createInferenceRun(transport, t, handlers, SETTINGS, signal).start()
  const outcome = promise.then(
    (summary) => ({ summary, error: undefined as RunwareError | undefined }),
    (error: RunwareError) => ({ summary: undefined as GenerateSummary | undefined, error }),
  )
  return { results, failures, statuses, outcome }
}

describe('InferenceRun', () => {
  it('REST sync: hands over every result and sums the cost', async () => {
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [item(1), item(2)] }, TASK_UUID))
    const { results, outcome } = run(transport, task(2))
    const { summary } = await outcome
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-2'])
    // the summary keeps no image bytes: they lived only until onResult handed them over
    const withoutImages = results.map(({ imageDataURI: _uri, imageBase64Data: _b64, ...rest }) => rest)
    expect(summary).toEqual({ taskUUID: TASK_UUID, transport: 'rest', results: withoutImages, failed: 0, cost: 0.04 })
  })

  it('WebSocket: streams results as frames come, once each, and resolves on the last', async () => {
    const transport = new FakeTransport('websocket')
    const { results, outcome } = run(transport, task(3))
    await until(() => transport.sent.length === 1)
    transport.reply({ data: [item(1)] })
    expect(results).toHaveLength(1) // delivered at once, before the others exist
    transport.reply({ data: [item(1)] }) // a replay after resume
    transport.reply({ data: [item(2), item(3)] })
    const { summary } = await outcome
    expect(summary?.results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-2', 'img-3'])
    expect(results).toHaveLength(3)
  })

  it('stops delivering on cancel and rejects as cancelled', async () => {
    const transport = new FakeTransport('websocket')
    const controller = new AbortController()
    const { results, outcome } = run(transport, task(3), controller.signal)
    await until(() => transport.sent.length === 1)
    transport.reply({ data: [item(1)] })
    controller.abort()
    transport.reply({ data: [item(2)] })
    const { error } = await outcome
    expect(error?.kind).toBe('cancelled')
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1'])
  })

  it('rejects with the classified error, keeping what was delivered', async () => {
    const transport = new FakeTransport('websocket')
    const { results, outcome } = run(transport, task(2))
    await until(() => transport.sent.length === 1)
    transport.reply({ data: [item(1)] })
    // the key stopped working: about the whole task, even after a result
    transport.reply({ errors: [{ code: 'invalidApiKey', message: 'Invalid API key', taskUUID: TASK_UUID }] })
    const { error } = await outcome
    expect([error?.kind, error?.code, error?.taskUUID]).toEqual(['auth', 'invalidApiKey', TASK_UUID])
    expect(results).toHaveLength(1)
  })

  it('a task-level error with no result ends the run as before', async () => {
    const transport = new FakeTransport('websocket')
    const { results, failures, outcome } = run(transport, task(2))
    await until(() => transport.sent.length === 1)
    transport.reply({ errors: [{ code: 'providerContentPolicyViolation', message: 'blocked', taskUUID: TASK_UUID }] })
    const { error } = await outcome
    expect([error?.kind, error?.code]).toEqual(['moderation', 'providerContentPolicyViolation'])
    expect([results.length, failures.length]).toEqual([0, 0])
  })

  it('REST: a mixed reply places every success and reports each failed generation on its own', async () => {
    const failedGeneration = { code: 'timeoutProvider', message: 'The external provider did not respond', taskUUID: TASK_UUID }
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [item(1), item(2)], errors: [failedGeneration] }, TASK_UUID))
    const { results, failures, outcome } = run(transport, task(3))
    const { summary, error } = await outcome
    expect(error).toBeUndefined()
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-2'])
    expect(failures.map((f) => [f.kind, f.code])).toEqual([['timeout', 'timeoutProvider']])
    expect(summary?.failed).toBe(1)
  })

  it('WebSocket: a failure between results fails one generation and the run goes on to the last', async () => {
    const transport = new FakeTransport('websocket')
    const { results, failures, outcome } = run(transport, task(3))
    await until(() => transport.sent.length === 1)
    transport.reply({ data: [item(1)] })
    transport.reply({ errors: [{ code: 'providerContentPolicyViolation', message: 'blocked', taskUUID: TASK_UUID }] })
    expect(failures).toHaveLength(1)
    transport.reply({ data: [item(3)] })
    const { summary } = await outcome
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-3'])
    expect(summary?.failed).toBe(1)
  })

  it('getResponse: status-error items count once however many polls repeat them', async () => {
    let polls = 0
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]!.taskType !== 'getResponse') return t.reply({ data: [{ taskType: 'imageInference', taskUUID: TASK_UUID }] })
      polls++
      const failedItem = { taskType: 'imageInference', taskUUID: TASK_UUID, status: 'error', error: { code: 'inferenceError', message: 'failed' } }
      const second = polls < 3 ? { taskType: 'imageInference', taskUUID: TASK_UUID, status: 'processing' } : { ...item(3), status: 'success' }
      // the full state each time: one success, one failed generation (inside data), one still going
      t.reply({ data: [{ ...item(1), status: 'success' }, failedItem, second] })
    })
    const { results, failures, outcome } = run(transport, task(3, 'async'))
    const { summary } = await outcome
    expect(polls).toBe(3)
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-3'])
    expect(failures.map((f) => f.code)).toEqual(['inferenceError'])
    expect(summary?.failed).toBe(1)
  })

  it('getResponse: errors moved to `errors` next to successes are per generation too', async () => {
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]!.taskType !== 'getResponse') return t.reply({ data: [{ taskType: 'imageInference', taskUUID: TASK_UUID }] }, TASK_UUID)
      t.reply({
        data: [{ ...item(1), status: 'success' }],
        errors: [
          { code: 'timeoutProvider', status: 'error', message: 'late', taskUUID: TASK_UUID },
          { code: 'timeoutProvider', status: 'error', message: 'late', taskUUID: TASK_UUID },
        ],
      }, TASK_UUID)
    })
    const { results, failures, outcome } = run(transport, task(3, 'async'))
    const { summary, error } = await outcome
    expect(error).toBeUndefined()
    expect(results).toHaveLength(1)
    expect(failures).toHaveLength(2)
    expect(summary?.failed).toBe(2)
  })

  it('async: polls getResponse and hands each result over when its status turns success', async () => {
    let polls = 0
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'imageInference') return t.reply({ data: [{ taskType: 'imageInference', taskUUID: TASK_UUID }] }, TASK_UUID)
      polls++
      const slots = [
        polls >= 2 ? { ...item(1), status: 'success' } : { taskUUID: TASK_UUID, status: 'processing' },
        polls >= 3 ? { ...item(2), status: 'success' } : { taskUUID: TASK_UUID, status: 'pending' },
      ]
      t.reply({ data: slots }, TASK_UUID)
    })
    const { results, statuses, outcome } = run(transport, task(2, 'async'))
    const { summary } = await outcome
    expect(summary?.results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-2'])
    expect(results).toHaveLength(2)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse', 'getResponse', 'getResponse'])
    expect(statuses.filter((s) => s.kind === 'polling')).toHaveLength(3)
  })

  it('WebSocket async: asks getResponse only once the ACK is in (before it, Runware may not know the task yet)', async () => {
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') t.reply({ data: [{ ...item(1), status: 'success' }] }, TASK_UUID)
    })
    const { outcome } = run(transport, task(1, 'async'))
    await until(() => transport.sent.length === 1)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(transport.taskTypes()).toEqual(['imageInference'])
    transport.reply({ data: [{ taskType: 'imageInference', taskUUID: TASK_UUID }] })
    expect((await outcome).summary?.results).toHaveLength(1)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse'])
  })

  it('async: an error item ends the run', async () => {
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') {
        t.reply({ data: [], errors: [{ code: 'timeoutProvider', status: 'error', message: 'slow', taskUUID: TASK_UUID }] }, TASK_UUID)
      }
    })
    const { error } = await run(transport, task(1, 'async')).outcome
    expect([error?.kind, error?.code]).toEqual(['timeout', 'timeoutProvider'])
  })

  it('retries what Runware certainly never took, reporting the wait', async () => {
    let attempts = 0
    const transport = new FakeTransport('rest', (_tasks, t) => {
      if (++attempts === 1) throw classifyError({ status: 429, code: 'rateLimitExceeded' })
      t.reply({ data: [item(1)] }, TASK_UUID)
    })
    const { statuses, outcome } = run(transport, task(1))
    expect((await outcome).summary?.results).toHaveLength(1)
    expect(statuses).toContainEqual({ kind: 'retrying', inMs: 5, attempt: 1, reason: expect.any(String), cause: expect.any(String) })
    expect(transport.taskTypes()).toEqual(['imageInference', 'imageInference'])
  })

  it('never re-sends a task that may have been taken: it asks getResponse instead', async () => {
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'imageInference') throw networkError('socket hang up', false)
      t.reply({ data: [{ ...item(1), status: 'success' }] }, TASK_UUID)
    })
    const { summary } = await run(transport, task(1)).outcome
    expect(summary?.results).toHaveLength(1)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse'])
  })

  it('reports the original failure when getResponse has never heard of the task', async () => {
    const transport = new FakeTransport('rest', (tasks) => {
      if (tasks[0]?.taskType === 'imageInference') throw malformedReplyError('cut short')
      throw classifyError({ status: 400, code: 'taskFailedOrNotFound' })
    })
    const { error } = await run(transport, task(1)).outcome
    expect([error?.kind, error?.detail]).toEqual(['server', 'Malformed reply: cut short'])
    // each "not found" let the same task go again, within the retry budget (2 here)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse', 'imageInference', 'getResponse', 'imageInference', 'getResponse'])
  })

  it('sends a task whose send was uncertain again only once Runware says it does not know it, with the same taskUUID', async () => {
    let sends = 0
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') throw classifyError({ status: 400, code: 'taskFailedOrNotFound' })
      if (++sends === 1) throw networkError('socket hang up', false)
      t.reply({ data: [item(1)] }, TASK_UUID)
    })
    const { summary } = await run(transport, task(1)).outcome
    expect(summary?.results).toHaveLength(1)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse', 'imageInference'])
    expect(new Set(transport.sent.map((tasks) => (tasks[0] as { taskUUID?: string }).taskUUID))).toEqual(new Set([TASK_UUID]))
  })

  it.each(['rest', 'websocket'] as const)('%s: a 504 is asked about by id first, and followed when Runware has the task', async (name) => {
    const transport = new FakeTransport(name, (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') return t.reply({ data: [{ ...item(1), status: 'success' }] }, TASK_UUID)
      if (name === 'rest') throw classifyError({ status: 504, code: 'timeoutQueue' })
      t.reply({ errors: [{ code: 'timeoutQueue', taskUUID: TASK_UUID }] }, TASK_UUID)
    })
    const { statuses, outcome } = run(transport, task(1))
    expect((await outcome).summary?.results).toHaveLength(1)
    expect(transport.taskTypes()).toEqual(['imageInference', 'getResponse'])
    expect(statuses).toContainEqual(expect.objectContaining({ kind: 'retrying', cause: 'rateLimit' }))
  })

  it('ends as interrupted, not failed, when Runware cannot be reached after the task may have been taken', async () => {
    const transport = new FakeTransport('rest', () => {
      throw networkError('socket hang up', false)
    })
    const { error } = await run(transport, task(1)).outcome
    expect([error?.kind, error?.interrupted]).toEqual(['network', true])
  })

  it('WebSocket: ends as interrupted when getResponse keeps answering busy', async () => {
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') t.reply({ errors: [{ code: 'timeoutQueue', taskUUID: TASK_UUID }] }, TASK_UUID)
    })
    const { outcome } = run(transport, task(1))
    await until(() => transport.sent.length === 1)
    transport.emit(TASK_UUID, { type: 'resumed', sameSession: false })
    const { error } = await outcome
    expect([error?.kind, error?.interrupted]).toEqual(['rateLimit', true])
  })

  it.each([
    [401, 'invalidApiKey', 'auth'],
    [402, 'insufficientCredits', 'credits'],
    [400, 'invalidPositivePrompt', 'validation'],
  ] as const)('a refusal before acceptance (HTTP %i) is a plain failure, never interrupted', async (status, code, kind) => {
    const transport = new FakeTransport('rest', () => {
      throw classifyError({ status, code })
    })
    const { error } = await run(transport, task(1)).outcome
    expect([error?.kind, error?.interrupted]).toEqual([kind, false])
    expect(transport.taskTypes()).toEqual(['imageInference'])
  })

  it('a recovery never sends the task, even when Runware does not know it', async () => {
    const transport = new FakeTransport('rest', () => {
      throw classifyError({ status: 400, code: 'taskFailedOrNotFound' })
    })
    const recovering = createInferenceRun(transport, task(1), { onResult: () => undefined }, SETTINGS).recover()
    await expect(recovering).rejects.toMatchObject({ code: 'taskFailedOrNotFound' })
    expect(transport.taskTypes()).toEqual(['getResponse'])
  })

  it('follows the existing task on conflictTaskUUID', async () => {
    const transport = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'imageInference') return t.reply({ errors: [{ code: 'conflictTaskUUID', taskUUID: TASK_UUID }] }, TASK_UUID)
      t.reply({ data: [{ ...item(1), status: 'success' }] }, TASK_UUID)
    })
    expect((await run(transport, task(1)).outcome).summary?.results).toHaveLength(1)
    const rest400 = new FakeTransport('rest', (tasks, t) => {
      if (tasks[0]?.taskType === 'imageInference') throw classifyError({ status: 400, code: 'conflictTaskUUID', taskUUID: TASK_UUID })
      t.reply({ data: [{ ...item(1), status: 'success' }] }, TASK_UUID)
    })
    expect((await run(rest400, task(1)).outcome).summary?.results).toHaveLength(1)
    expect(rest400.taskTypes()).toEqual(['imageInference', 'getResponse'])
  })

  it('WebSocket: a resume without the old session fetches the results by id', async () => {
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') t.reply({ data: [{ ...item(1), status: 'success' }, { ...item(2), status: 'success' }] })
    })
    const { results, statuses, outcome } = run(transport, task(2))
    await until(() => transport.sent.length === 1)
    transport.reply({ data: [item(1)] })
    transport.emit(TASK_UUID, { type: 'resumed', sameSession: false })
    const { summary } = await outcome
    expect(summary?.results.map((r) => r.imageUUID)).toEqual(['img-1', 'img-2'])
    expect(results).toHaveLength(2)
    expect(statuses).toContainEqual({ kind: 'resumed' })
  })

  it('WebSocket: an unreadable frame is recovered through getResponse', async () => {
    const transport = new FakeTransport('websocket', (tasks, t) => {
      if (tasks[0]?.taskType === 'getResponse') t.reply({ data: [{ ...item(1), status: 'success' }] })
    })
    const { outcome } = run(transport, task(1))
    await until(() => transport.sent.length === 1)
    transport.emit(TASK_UUID, { type: 'unreadable', detail: 'frame is not JSON' })
    expect((await outcome).summary?.results).toHaveLength(1)
  })

  it('fails a damaged image on its own slot and delivers the rest', async () => {
    const cut = bytesToBase64(Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0)).subarray(0, 30))
    const transport = new FakeTransport('rest', (_tasks, t) =>
      t.reply({ data: [item(1), item(2, { imageDataURI: `data:image/png;base64,${cut}` })] }, TASK_UUID),
    )
    const { results, failures, outcome } = run(transport, task(2))
    const { summary } = await outcome
    expect(results.map((r) => r.imageUUID)).toEqual(['img-1'])
    expect(failures.map((f) => f.message)).toEqual(['This image arrived damaged. Generate it again.'])
    expect(summary?.failed).toBe(1)
  })

  it('REST sync: fewer results than asked is an error', async () => {
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [item(1)] }, TASK_UUID))
    const { error } = await run(transport, task(2)).outcome
    expect([error?.kind, error?.message]).toEqual(['server', 'Runware sent 1 of 2 images. Try again for the missing ones.'])
  })

  it('an invalid result item fails that slot, not the run', async () => {
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [item(1, { seed: 'x' }), item(2)] }, TASK_UUID))
    const { results, failures, outcome } = run(transport, task(2))
    const { summary, error } = await outcome
    expect(error).toBeUndefined()
    expect(results.map((r) => r.imageUUID)).toEqual(['img-2'])
    expect(failures.map((f) => f.kind)).toEqual(['server'])
    expect(failures[0]!.detail).toMatch(/seed/)
    expect(summary?.failed).toBe(1)
  })

  it('an item that names no image is still a malformed reply for the run', async () => {
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [{ taskType: 'imageInference', imageUUID: 5 }] }, TASK_UUID))
    expect((await run(transport, task(1)).outcome).error?.kind).toBe('server')
  })

  it('refuses an image string over the byte bound with a clear message, before decoding it', async () => {
    const huge = `data:image/png;base64,${'A'.repeat(MAX_RESULT_BASE64_CHARS + 4)}`
    const transport = new FakeTransport('rest', (_tasks, t) => t.reply({ data: [item(1, { imageDataURI: huge }), item(2)] }, TASK_UUID))
    const { results, failures, outcome } = run(transport, task(2))
    await outcome
    expect(results.map((r) => r.imageUUID)).toEqual(['img-2'])
    expect(failures.map((f) => f.message)).toEqual([expect.stringMatching(/larger than the plugin accepts; the limit is 20 MB/)])
  })
})
