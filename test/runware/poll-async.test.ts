import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { classifyError } from '../../ui/runware/classify-error'
import { networkError, type RunwareError } from '../../ui/runware/errors'
import { MAX_POLL_FAILURES, pollGetResponse } from '../../ui/runware/poll-async'
import { DEFAULT_POLL_POLICY, DEFAULT_RETRY_POLICY } from '../../ui/runware/retry-policy'
import type { Transport } from '../../ui/runware/transport'

const T = '0ee13cbd-6941-49fb-b5cc-90be6737ebea'

function fakeTransport(send: () => Promise<void>): Transport & { sentAt: number[] } {
  const sentAt: number[] = []
  return {
    name: 'rest',
    sentAt,
    subscribe: () => () => {},
    send: async (tasks) => {
      expect(tasks).toEqual([{ taskType: 'getResponse', taskUUID: T }])
      sentAt.push(Date.now())
      await send()
    },
    close() {},
  }
}

describe('pollGetResponse', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(0)
  })
  afterEach(() => vi.useRealTimers())

  it('polls after 1 s, then backs off ×1.5 up to 10 s, until settled', async () => {
    const transport = fakeTransport(async () => {})
    let settled = false
    const done = pollGetResponse({
      transport,
      taskUUID: T,
      poll: DEFAULT_POLL_POLICY,
      retry: DEFAULT_RETRY_POLICY,
      settled: () => settled,
      giveUp: () => expect.unreachable(),
    })
    await vi.advanceTimersByTimeAsync(45_000)
    settled = true
    await vi.advanceTimersByTimeAsync(10_000)
    await done
    const gaps = transport.sentAt.map((t, i) => t - (transport.sentAt[i - 1] ?? 0))
    expect(gaps).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 10000, 10000])
  })

  it('gives up with a timeout once the poll budget is spent', async () => {
    const transport = fakeTransport(async () => {})
    const gaveUp: RunwareError[] = []
    const done = pollGetResponse({
      transport,
      taskUUID: T,
      poll: { ...DEFAULT_POLL_POLICY, timeoutMs: 30_000 },
      retry: DEFAULT_RETRY_POLICY,
      settled: () => gaveUp.length > 0,
      giveUp: (error) => gaveUp.push(error),
    })
    await vi.advanceTimersByTimeAsync(60_000)
    await done
    expect(gaveUp.map((e) => e.kind)).toEqual(['timeout'])
  })

  it('rides out network hiccups but stops on a real answer', async () => {
    let calls = 0
    const flaky = fakeTransport(async () => {
      calls++
      if (calls === 1) throw networkError('reset')
    })
    const answers: RunwareError[] = []
    let settled = false
    const first = pollGetResponse({
      transport: flaky,
      taskUUID: T,
      poll: DEFAULT_POLL_POLICY,
      retry: DEFAULT_RETRY_POLICY,
      settled: () => settled,
      giveUp: (error) => answers.push(error),
    })
    await vi.advanceTimersByTimeAsync(3000)
    settled = true
    await vi.advanceTimersByTimeAsync(5000)
    await first
    expect([calls, answers.length]).toEqual([2, 0])

    const refusing = fakeTransport(async () => {
      throw classifyError({ status: 401, code: 'invalidApiKey' })
    })
    const second = pollGetResponse({
      transport: refusing,
      taskUUID: T,
      poll: DEFAULT_POLL_POLICY,
      retry: DEFAULT_RETRY_POLICY,
      settled: () => answers.length > 0,
      giveUp: (error) => answers.push(error),
    })
    await vi.advanceTimersByTimeAsync(2000)
    await second
    expect(answers.map((e) => e.kind)).toEqual(['auth'])
  })

  it('asks again after a busy answer (it says nothing about the task), and stops after a few in a row', async () => {
    const busy = fakeTransport(async () => {
      throw classifyError({ status: 504, code: 'timeoutQueue' })
    })
    const answers: RunwareError[] = []
    const done = pollGetResponse({
      transport: busy,
      taskUUID: T,
      poll: DEFAULT_POLL_POLICY,
      retry: { ...DEFAULT_RETRY_POLICY, maxRetries: 0 },
      settled: () => answers.length > 0,
      giveUp: (error) => answers.push(error),
    })
    await vi.advanceTimersByTimeAsync(20_000)
    await done
    expect([busy.sentAt.length, answers.map((e) => e.kind)]).toEqual([MAX_POLL_FAILURES, ['rateLimit']])
  })

  it(`ends after ${MAX_POLL_FAILURES} network failures in a row`, async () => {
    const down = fakeTransport(async () => {
      throw networkError('down')
    })
    const answers: RunwareError[] = []
    const done = pollGetResponse({
      transport: down,
      taskUUID: T,
      poll: DEFAULT_POLL_POLICY,
      retry: DEFAULT_RETRY_POLICY,
      settled: () => answers.length > 0,
      giveUp: (error) => answers.push(error),
    })
    await vi.advanceTimersByTimeAsync(20_000)
    await done
    expect([down.sentAt.length, answers[0]?.kind]).toEqual([MAX_POLL_FAILURES, 'network'])
  })
})
