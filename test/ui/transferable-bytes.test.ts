import { describe, expect, it } from 'vitest'

import { withTransferableBytes } from '../../ui/bridge/transferable-bytes'
import { parentPort } from '../../ui/bridge/window-port'

describe('image bytes posted to the sandbox', () => {
  it('go in a transfer list as a copy, leaving the caller’s bytes usable', () => {
    const image = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3])
    const message = { type: 'place-result', requestId: 'r', runId: 'run', index: 0, image }
    const { message: sent, transfer } = withTransferableBytes(message)
    const posted = (sent as typeof message).image
    expect(posted).toEqual(image)
    expect(posted).not.toBe(image)
    expect(transfer).toEqual([posted.buffer])
    // the transferred buffer holds exactly the image, nothing more
    expect(posted.buffer.byteLength).toBe(image.byteLength)
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
    expect(transfer).toEqual([sent.buffer])
    expect(sent).toEqual(image)
    expect(image.byteLength).toBe(1024)
  })
})
