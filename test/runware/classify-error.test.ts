import { describe, expect, it } from 'vitest'

import { classifyError, classifyThrown } from '../../ui/runware/classify-error'
import { RunwareError, scrubError } from '../../ui/runware/errors'

describe('classifyError', () => {
  it.each([
    [{ status: 401 }, 'auth'],
    [{ status: 403 }, 'auth'],
    [{ code: 'invalidApiKey', message: 'Invalid API key. Get one at https://my.runware.ai/signup', parameter: 'apiKey' }, 'auth'],
    [{ code: 'missingApiKey' }, 'auth'],
    [{ status: 402 }, 'credits'],
    [{ code: 'insufficientCredits' }, 'credits'],
    [{ code: 'quotaExceeded' }, 'credits'],
    [{ code: 'lowBalance' }, 'credits'],
    [{ status: 429 }, 'rateLimit'],
    [{ status: 503 }, 'rateLimit'],
    [{ status: 504 }, 'rateLimit'],
    [{ status: 504, code: 'timeoutQueue' }, 'rateLimit'],
    [{ code: 'rateLimitExceeded' }, 'rateLimit'],
    [{ code: 'timeoutProvider' }, 'timeout'],
    [{ status: 408 }, 'timeout'],
    [{ code: 'providerContentPolicyViolation' }, 'moderation'],
    [{ code: 'nsfwContentDetected' }, 'moderation'],
    [{ code: 'promptBlocked', status: 400 }, 'moderation'],
    [{ code: 'invalidPositivePrompt', status: 400 }, 'validation'],
    [{ code: 'unsupportedParameter' }, 'validation'],
    [{ status: 400 }, 'validation'],
    [{ status: 500 }, 'server'],
    [{ status: 502 }, 'server'],
    [{ code: 'internalServerError' }, 'server'],
    [{ code: 'downloadFailed' }, 'server'],
    [{ code: 'somethingNew' }, 'unknown'],
    [{}, 'unknown'],
  ] as const)('%j → %s', (facts, kind) => {
    const error = classifyError(facts)
    expect(error).toBeInstanceOf(RunwareError)
    expect(error.kind).toBe(kind)
  })

  it('lets a specific code win over a generic status', () => {
    expect(classifyError({ status: 400, code: 'insufficientCredits' }).kind).toBe('credits')
    expect(classifyError({ status: 400, code: 'missingApiKey' }).kind).toBe('auth')
  })

  it('writes the sentences the UI shows', () => {
    expect(classifyError({ status: 401, code: 'invalidApiKey' }).message).toBe("Runware didn't accept this API key. Check it in Settings.")
    expect(classifyError({ status: 402 }).message).toBe(
      'Your Runware balance is too low for this run. Top up at my.runware.ai, then try again.',
    )
  })

  it('names the field from `parameter`, or from the code when there is none', () => {
    const withParameter = classifyError({ code: 'invalidWidth', parameter: 'width', status: 400 })
    expect([withParameter.field, withParameter.message]).toEqual(['width', 'Runware refused the size. Check it, then try again.'])
    expect(classifyError({ code: 'invalidPositivePrompt' }).field).toBe('positivePrompt')
    expect(classifyError({ code: 'invalidCustomWidth', parameter: ['width', 'height'] }).field).toBe('width')
    expect(classifyError({ code: 'invalidRequest', status: 400 }).field).toBeUndefined()
  })

  it('keeps the raw code and message for the details view', () => {
    const error = classifyError({ status: 401, code: 'invalidApiKey', message: 'Invalid API key.', parameter: 'apiKey', taskUUID: 't-1' })
    expect(error.detail).toBe('HTTP 401 · invalidApiKey · Invalid API key. · (parameter: apiKey)')
    expect([error.code, error.status, error.taskUUID]).toEqual(['invalidApiKey', 401, 't-1'])
  })

  it('marks retryable kinds, and only 429/503 as certainly not accepted', () => {
    expect(classifyError({ status: 429 }).retryable).toBe(true)
    expect(classifyError({ status: 429 }).notAccepted).toBe(true)
    expect(classifyError({ status: 503 }).notAccepted).toBe(true)
    expect(classifyError({ status: 504 }).notAccepted).toBe(false)
    expect(classifyError({ status: 500 }).notAccepted).toBe(false)
    expect(classifyError({ status: 401 }).retryable).toBe(false)
    expect(classifyError({ code: 'timeoutProvider' }).retryable).toBe(true)
  })
})

describe('classifyThrown', () => {
  it('maps fetch TypeErrors to network and AbortErrors to cancelled', () => {
    expect(classifyThrown(new TypeError('Failed to fetch')).kind).toBe('network')
    expect(classifyThrown(new DOMException('aborted', 'AbortError')).kind).toBe('cancelled')
    expect(classifyThrown(new Error('odd')).kind).toBe('unknown')
  })

  it('passes RunwareErrors through unchanged', () => {
    const error = classifyError({ status: 402 })
    expect(classifyThrown(error)).toBe(error)
  })
})

describe('scrubError', () => {
  it('removes the API key from message and detail', () => {
    const key = 'rw-secret-key-123456'
    const error = classifyError({ status: 401, message: `key ${key} is not valid` })
    const clean = scrubError(error, key)
    expect(clean.detail).not.toContain(key)
    expect(clean.detail).toContain('[api key]')
    expect(clean.kind).toBe('auth')
  })
})
