import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import type { UiToPlugin } from '../../src/common/protocol'
import { createRouter, UNREADABLE_REQUEST, type Handlers } from '../../src/messages/router'
import { BridgeError, createBridge } from '../../ui/bridge/bridge'
import { record } from './fixtures'

function setup(timeouts = {}) {
  const sent: UiToPlugin[] = []
  const warnings: string[] = []
  let id = 0
  const bridge = createBridge({
    port: { post: (message) => sent.push(message) },
    newId: () => `req-${++id}`,
    warn: (message) => warnings.push(message),
    timeouts,
  })
  return { bridge, sent, warnings }
}

const plan = { runId: 'run-1', prompt: 'A quiet room', size: { width: 1440, height: 1080 }, count: 2, referenceNodeIds: ['1:2'] }

describe('bridge', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends requests with an id and resolves each with its own reply, whatever the order', async () => {
    const { bridge, sent } = setup()
    const run = bridge.startRun(plan)
    const select = bridge.selectNodes(['1:2'])
    expect(sent.map((m) => [m.type, 'requestId' in m && m.requestId])).toEqual([
      ['run-start', 'req-1'],
      ['select-nodes', 'req-2'],
    ])
    bridge.receive({ type: 'nodes-selected', requestId: 'req-2', found: 1 })
    bridge.receive({ type: 'run-started', requestId: 'req-1', slotNodeIds: ['9:1', '9:2'] })
    await expect(select).resolves.toMatchObject({ found: 1 })
    await expect(run).resolves.toMatchObject({ slotNodeIds: ['9:1', '9:2'] })
  })

  it('rejects a request the sandbox answers with request-failed, in its words', async () => {
    const { bridge } = setup()
    const placing = bridge.placeResult({ runId: 'run-1', index: 0, image: new Uint8Array([1]), record: record() })
    bridge.receive({ type: 'request-failed', requestId: 'req-1', message: 'The placeholder was deleted' })
    await expect(placing).rejects.toSatisfy((error: unknown) => {
      return error instanceof BridgeError && error.kind === 'failed' && error.message === 'The placeholder was deleted'
    })
  })

  it('gives up after the timeout instead of waiting forever, and ignores a late reply', async () => {
    const { bridge, warnings } = setup({ 'run-start': 1000 })
    const run = bridge.startRun(plan)
    const settled = expect(run).rejects.toMatchObject({ kind: 'timeout' })
    vi.advanceTimersByTime(1000)
    await settled
    bridge.receive({ type: 'run-started', requestId: 'req-1', slotNodeIds: [] })
    expect(warnings.some((w) => w.includes('unknown or expired'))).toBe(true)
  })

  it('rejects a reply of the wrong type for the request', async () => {
    const { bridge } = setup()
    const run = bridge.startRun(plan)
    bridge.receive({ type: 'result-placed', requestId: 'req-1', nodeId: '1:1' })
    await expect(run).rejects.toMatchObject({ kind: 'invalid' })
  })

  it('drops invalid messages with a warning and tells no one', () => {
    const { bridge, warnings } = setup()
    const heard = vi.fn()
    bridge.subscribe(heard)
    expect(bridge.receive({ type: 'selection', selectionId: 'x' })).toBe(false)
    expect(bridge.receive('hello')).toBe(false)
    expect(heard).not.toHaveBeenCalled()
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toMatch(/selection/)
  })

  it('passes valid non-reply messages to subscribers until they unsubscribe', () => {
    const { bridge } = setup()
    const heard = vi.fn()
    const stop = bridge.subscribe(heard)
    bridge.receive({ type: 'key-state', apiKey: null })
    stop()
    bridge.receive({ type: 'key-state', apiKey: 'k' })
    expect(heard).toHaveBeenCalledTimes(1)
    expect(heard).toHaveBeenCalledWith({ type: 'key-state', apiKey: null })
  })

  it('fails an invalid request as soon as the sandbox refuses it, never calling its handler', async () => {
    // Only the receiving side parses: the sandbox's router refuses the request on arrival.
    const handled = vi.fn()
    const handlers = new Proxy({}, { get: () => handled }) as Handlers
    // the router only posts once a message arrives, by which time `bridge` exists
    const route = createRouter({ handlers, post: (message) => bridge.receive(message), onUnexpected: handled })
    const routed: Promise<void>[] = []
    const bridge = createBridge({ port: { post: (message) => void routed.push(route(message)) }, newId: () => 'req-1', warn: () => {} })
    const run = bridge.startRun({ ...plan, count: 99 })
    await Promise.all(routed)
    await expect(run).rejects.toMatchObject({ kind: 'failed', message: UNREADABLE_REQUEST })
    expect(handled).not.toHaveBeenCalled()
  })

  it('rejects everything still pending when disposed', async () => {
    const { bridge } = setup()
    const run = bridge.startRun(plan)
    bridge.dispose()
    await expect(run).rejects.toMatchObject({ kind: 'closed' })
  })
})
