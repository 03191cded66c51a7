import { describe, expect, it } from 'vitest'

import { withTransferableBytes } from '../../ui/bridge/transferable-bytes'
import { parentPort } from '../../ui/bridge/window-port'

describe('image bytes posted to the sandbox', () => {
  it('hand over an array that is its whole buffer, without copying it', () => {
    const image = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
    const message = { type: 'place-result', requestId: 'r', runId: 'run', index: 0, image }
    const { message: sent, transfer } = withTransferableBytes(message)
    expect(sent).toBe(message)
    expect(transfer).toEqual([image.buffer])
    // what a real postMessage does with the transfer list: the sender's array is emptied
    const received = structuredClone(sent, { transfer }) as typeof message
    expect([...received.image]).toEqual([0xff, 0xd8, 0xff, 1, 2, 3])
    expect(image.byteLength).toBe(0)
  })

  it('copy a view into a larger buffer, so the rest of that buffer is not taken', () => {
    const buffer = new Uint8Array([9, 9, 1, 2, 3, 9]).buffer
    const image = new Uint8Array(buffer, 2, 3)
    const message = { type: 'place-result', requestId: 'r', runId: 'run', index: 0, image }
    const { message: sent, transfer } = withTransferableBytes(message)
    const posted = (sent as typeof message).image
    expect([...posted]).toEqual([1, 2, 3])
    expect(posted.buffer.byteLength).toBe(3)
    expect(transfer).toEqual([posted.buffer])
    structuredClone(sent, { transfer })
    expect([...new Uint8Array(buffer)]).toEqual([9, 9, 1, 2, 3, 9])
    expect(message.image).toBe(image)
  })

  it('leaves a message without bytes as it is, with nothing to transfer', () => {
    const message = { type: 'run-end', runId: 'run', outcome: 'done' }
    expect(withTransferableBytes(message)).toEqual({ message, transfer: [] })
  })

  it('is what the window port hands to postMessage', () => {
    const calls: unknown[][] = []
    const target = { postMessage: (...args: unknown[]) => void calls.push(args) } as unknown as Window
    const image = new Uint8Array(1024).fill(7)
    parentPort(target).post({ type: 'place-result', requestId: 'r', runId: 'run', index: 0, image, record: {} as never })
    const [data, origin, transfer] = calls[0]!
    const sent = (data as { pluginMessage: { image: Uint8Array } }).pluginMessage.image
    expect(origin).toBe('*')
    expect(sent).toBe(image)
    expect(transfer).toEqual([image.buffer])
  })
})
