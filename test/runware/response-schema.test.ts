import { describe, expect, it } from 'vitest'

import { readEnvelope, readItem } from '../../ui/runware/response-schema'

const T = '0ee13cbd-6941-49fb-b5cc-90be6737ebea'
const I = '1255868f-309b-4798-a01d-6ca7aa302f36'

describe('readEnvelope', () => {
  it('reads data, errors, and both side by side', () => {
    expect(readEnvelope({ data: [{ taskUUID: T }] })).toEqual({ data: [{ taskUUID: T }], errors: [] })
    const both = readEnvelope({ data: [], errors: [{ code: 'invalidWidth', message: 'bad', parameter: 'width', min: 256 }] })
    expect(both?.errors[0]).toMatchObject({ code: 'invalidWidth', message: 'bad', parameter: 'width' })
  })

  it('reads the legacy `{error:{code,message}, taskUUID}` shape', () => {
    expect(readEnvelope({ error: { code: 'invalidApiKey', message: 'no' }, taskUUID: T })?.errors).toEqual([
      { code: 'invalidApiKey', message: 'no', taskUUID: T },
    ])
    expect(readEnvelope({ error: 'Server exploded' })?.errors).toEqual([{ message: 'Server exploded' }])
  })

  it('reads a bare array of error objects', () => {
    const envelope = readEnvelope([{ code: 'rateLimitExceeded', message: 'slow down', taskUUID: T }])
    expect(envelope).toEqual({ data: [], errors: [{ code: 'rateLimitExceeded', message: 'slow down', taskUUID: T }] })
  })

  it('reads imageUpload replies with data as an object or an array', () => {
    const asObject = readEnvelope({ data: { taskType: 'imageUpload', taskUUID: T, imageUUID: I } })
    const asArray = readEnvelope({ data: [{ taskType: 'imageUpload', taskUUID: T, imageUUID: I, imageURL: 'https://im.runware.ai/x.jpg' }] })
    expect(readItem(asObject!.data[0]!)).toEqual({ kind: 'upload', imageUUID: I })
    expect(readItem(asArray!.data[0]!)).toEqual({ kind: 'upload', imageUUID: I, imageURL: 'https://im.runware.ai/x.jpg' })
  })

  it('moves getResponse items with status error, and their nested error, to errors', () => {
    const envelope = readEnvelope({
      data: [
        { taskUUID: T, status: 'processing' },
        { taskUUID: T, status: 'error', error: { code: 'timeoutProvider', message: 'too slow' } },
      ],
    })
    expect(envelope?.data).toHaveLength(1)
    expect(envelope?.errors[0]).toMatchObject({ code: 'timeoutProvider', message: 'too slow', taskUUID: T })
  })

  it('tolerates odd error fields but refuses shapes that are no envelope', () => {
    expect(readEnvelope({ errors: [{ code: 42, message: 'x' }] })?.errors[0]).toMatchObject({ code: undefined, message: 'x' })
    // a parameter list is kept only when it is all text; unknown fields pass untouched
    const listed = readEnvelope({ errors: [{ code: 'invalidSize', parameter: ['width', 'height'], min: 256 }] })?.errors[0]
    expect(listed).toEqual({ code: 'invalidSize', parameter: ['width', 'height'], min: 256 })
    expect(readEnvelope({ errors: [{ code: 'x', parameter: ['width', 3] }] })?.errors[0]).toEqual({ code: 'x', parameter: undefined })
    expect(readEnvelope({ hello: 'world' })).toBeUndefined()
    expect(readEnvelope('text')).toBeUndefined()
    expect(readEnvelope({ data: 'nope' })).toBeUndefined()
  })
})

describe('readItem', () => {
  const result = { taskType: 'imageInference', taskUUID: T, imageUUID: I, imageURL: 'https://im.runware.ai/a.jpg', seed: 557572411, cost: 0.02 }

  it('reads the seed document example result', () => {
    expect(readItem(result)).toEqual({
      kind: 'result',
      result: { taskUUID: T, imageUUID: I, imageURL: 'https://im.runware.ai/a.jpg', seed: 557572411, cost: 0.02 },
    })
  })

  it('keeps NSFWContent and the inline image fields, drops unknown extras', () => {
    const read = readItem({ taskUUID: T, imageUUID: I, imageDataURI: 'data:image/png;base64,AAAA', NSFWContent: false, extra: 1 })
    expect(read).toEqual({ kind: 'result', result: { taskUUID: T, imageUUID: I, imageDataURI: 'data:image/png;base64,AAAA', NSFWContent: false } })
  })

  it('is strict about types that matter', () => {
    expect(readItem({ ...result, seed: 'seven' }).kind).toBe('invalid')
    expect(readItem({ ...result, cost: '0.02' }).kind).toBe('invalid')
    expect(readItem({ taskUUID: T, imageUUID: I }).kind).toBe('invalid') // no image at all
  })

  it('treats every status but success as not done', () => {
    expect(readItem({ taskUUID: T, status: 'processing' })).toEqual({ kind: 'pending', taskUUID: T })
    expect(readItem({ taskUUID: T, status: 'pending' })).toEqual({ kind: 'pending', taskUUID: T })
    expect(readItem({ ...result, status: 'success' }).kind).toBe('result')
  })

  it('recognises ACKs, authentication and pong', () => {
    expect(readItem({ taskType: 'imageInference', taskUUID: T })).toEqual({ kind: 'ack', taskUUID: T })
    expect(readItem({ taskType: 'authentication', connectionSessionUUID: 'abc' })).toEqual({ kind: 'auth', connectionSessionUUID: 'abc' })
    expect(readItem({ taskType: 'ping', pong: true })).toEqual({ kind: 'pong' })
    expect(readItem({ taskType: 'authentication' }).kind).toBe('invalid')
  })
})
