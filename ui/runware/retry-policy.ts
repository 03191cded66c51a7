import type { RunwareError } from './errors'

// When and how soon to try again. Pure so the schedule is unit-tested without timers.
// Runware: 429 "implement retry with exponential backoff", 503 "retry recommended";
// the official SDK backs off from 1 s with 30 % jitter. Only requests that certainly
// never reached Runware are re-sent: anything else may already be a paid task.

export interface RetryPolicy {
  /** Retries after the first attempt; 0 turns retrying off. */
  maxRetries: number
  baseMs: number
  factor: number
  maxMs: number
  /** 0.3 spreads each delay uniformly over ±30 %. */
  jitter: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 3, baseMs: 1000, factor: 2, maxMs: 16_000, jitter: 0.3 }

/** Delay before retry number `retry` (1-based). `random` returns [0, 1) like Math.random. */
export function retryDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** Math.max(0, retry - 1))
  const spread = raw * policy.jitter
  return Math.max(0, Math.round(raw - spread + random() * 2 * spread))
}

/** True when sending again cannot create a second paid task and the budget allows it. */
export function shouldRetry(error: RunwareError, retry: number, policy: RetryPolicy): boolean {
  return error.notAccepted && error.retryable && retry <= policy.maxRetries
}

export interface PollPolicy {
  firstMs: number
  factor: number
  maxMs: number
  /** Give up after this long without every result (Runware's SDK waits 20 min). */
  timeoutMs: number
}

// As Runware's SDK: first poll after about 1 s, then back off ×1.5 up to 10 s.
export const DEFAULT_POLL_POLICY: PollPolicy = { firstMs: 1000, factor: 1.5, maxMs: 10_000, timeoutMs: 20 * 60_000 }

/** Delay before poll number `index` (0-based). */
export function pollDelay(index: number, policy: PollPolicy): number {
  return Math.round(Math.min(policy.maxMs, policy.firstMs * policy.factor ** Math.max(0, index)))
}
