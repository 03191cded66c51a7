import { describe, expect, it } from 'vitest'

import { describeError, isAbort } from '../../ui/generation/error-text'
import { RunwareError } from '../../ui/runware/errors'

describe('describeError', () => {
  it('keeps a RunwareError message for people and its code and detail for Details', () => {
    const error = new RunwareError({ kind: 'credits', code: 'insufficientCredits', message: 'Your Runware balance is too low.', detail: 'HTTP 402: not enough credits' })
    expect(describeError(error)).toEqual({ message: 'Your Runware balance is too low.', detail: 'insufficientCredits: HTTP 402: not enough credits' })
  })

  it('never shows the key, even when something echoed it', () => {
    const key = 'rw-secret-key-1234'
    const error = new RunwareError({ kind: 'auth', message: `Key ${key} refused`, detail: `Bearer ${key}` })
    const shown = describeError(error, key)
    expect(JSON.stringify(shown)).not.toContain(key)
    expect(shown.detail).toContain('[api key]')
  })

  it('replaces engine errors with a plain sentence and keeps them in Details', () => {
    expect(describeError(new TypeError('Failed to fetch'), null, 'Could not reach Runware')).toEqual({
      message: 'Could not reach Runware',
      detail: 'TypeError: Failed to fetch',
    })
    expect(describeError(undefined)).toEqual({ message: 'Something went wrong' })
  })

  it('recognises cancellation', () => {
    expect(isAbort(new RunwareError({ kind: 'cancelled', message: 'Generation cancelled.' }))).toBe(true)
    expect(isAbort(new DOMException('aborted', 'AbortError'))).toBe(true)
    expect(isAbort(new Error('x'))).toBe(false)
  })
})
