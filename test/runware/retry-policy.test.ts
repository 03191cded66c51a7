import { describe, expect, it } from 'vitest'

import { classifyError } from '../../ui/runware/classify-error'
import { networkError } from '../../ui/runware/errors'
import { DEFAULT_POLL_POLICY, DEFAULT_RETRY_POLICY, pollDelay, retryDelay, shouldRetry } from '../../ui/runware/retry-policy'

describe('retryDelay', () => {
  const noJitter = { ...DEFAULT_RETRY_POLICY, jitter: 0 }

  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, noJitter))).toEqual([1000, 2000, 4000, 8000, 16000, 16000])
  })

  it('spreads each delay by ±jitter', () => {
    expect(retryDelay(2, DEFAULT_RETRY_POLICY, () => 0)).toBe(1400)
    expect(retryDelay(2, DEFAULT_RETRY_POLICY, () => 0.5)).toBe(2000)
    expect(retryDelay(2, DEFAULT_RETRY_POLICY, () => 0.999999)).toBe(2600)
  })
})

describe('shouldRetry', () => {
  it('retries only what Runware certainly never took, within the budget', () => {
    const refused = networkError('ECONNREFUSED', true)
    expect(shouldRetry(refused, 1, DEFAULT_RETRY_POLICY)).toBe(true)
    expect(shouldRetry(refused, 3, DEFAULT_RETRY_POLICY)).toBe(true)
    expect(shouldRetry(refused, 4, DEFAULT_RETRY_POLICY)).toBe(false)
    expect(shouldRetry(classifyError({ status: 429 }), 1, DEFAULT_RETRY_POLICY)).toBe(true)
    expect(shouldRetry(classifyError({ status: 503 }), 1, DEFAULT_RETRY_POLICY)).toBe(true)
  })

  it('never re-sends what may already be a paid task, nor a final refusal', () => {
    expect(shouldRetry(networkError('socket hang up', false), 1, DEFAULT_RETRY_POLICY)).toBe(false)
    expect(shouldRetry(classifyError({ status: 500 }), 1, DEFAULT_RETRY_POLICY)).toBe(false)
    expect(shouldRetry(classifyError({ status: 504 }), 1, DEFAULT_RETRY_POLICY)).toBe(false)
    expect(shouldRetry(classifyError({ status: 401 }).with({ notAccepted: true }), 1, DEFAULT_RETRY_POLICY)).toBe(false)
  })
})

describe('pollDelay', () => {
  it('starts at about 1 s and backs off ×1.5 up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => pollDelay(n, DEFAULT_POLL_POLICY))).toEqual([
      1000, 1500, 2250, 3375, 5063, 7594, 10000, 10000,
    ])
  })
})
