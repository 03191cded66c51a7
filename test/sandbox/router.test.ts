import { describe, expect, it, vi } from 'vitest'

import type { PluginToUi } from '../../src/common/protocol'
import { createRouter, UNREADABLE_REQUEST } from '../../src/messages/router'
import type { Handlers } from '../../src/messages/router'

function setup() {
  const sent: PluginToUi[] = []
  const calls: string[] = []
  const record = (type: string) => () => void calls.push(type)
  const handlers = {
    'ui-ready': record('ui-ready'),
    'save-settings': record('save-settings'),
    'save-key': record('save-key'),
    'forget-key': record('forget-key'),
    'export-references': record('export-references'),
    'pin-style': record('pin-style'),
    'run-start': () => {
      throw new Error('boom')
    },
    'place-result': record('place-result'),
    'result-failed': record('result-failed'),
    'run-end': () => {
      throw new Error('kaput')
    },
    notify: record('notify'),
    'resize-ui': record('resize-ui'),
    'select-nodes': record('select-nodes'),
    'place-result-url': record('place-result-url'),
    'task-sent': record('task-sent'),
    'pending-run-cleared': record('pending-run-cleared'),
    'history-list': record('history-list'),
    'history-add': record('history-add'),
    'history-remove': record('history-remove'),
    'close-plugin': record('close-plugin'),
    'save-uploads': record('save-uploads'),
  } satisfies Handlers
  const onUnexpected = vi.fn()
  const route = createRouter({ handlers, post: (message) => void sent.push(message), onUnexpected })
  return { route, sent, calls, onUnexpected }
}

describe('router', () => {
  it('dispatches a valid message to its handler', async () => {
    const { route, calls, sent } = setup()
    await route({ type: 'resize-ui', width: 400, height: 700 })
    expect(calls).toEqual(['resize-ui'])
    expect(sent).toEqual([])
  })

  it('refuses an invalid message with a logged reason and no handler call', async () => {
    const { route, calls, sent } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (const raw of [null, 42, 'ui-ready', { type: 'nope' }, { type: 'resize-ui', width: 10, height: 700 }]) {
      await route(raw)
    }
    expect(calls).toEqual([])
    expect(sent).toEqual([])
    expect(warn).toHaveBeenCalledTimes(5)
    expect(String(warn.mock.calls[4]![0])).toMatch(/resize-ui.*width/)
    warn.mockRestore()
  })

  it('answers an invalid request that has a request id', async () => {
    const { route, calls, sent } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await route({ type: 'select-nodes', requestId: 'r1', nodeIds: 'not-a-list' })
    expect(calls).toEqual([])
    expect(sent).toEqual([{ type: 'request-failed', requestId: 'r1', message: UNREADABLE_REQUEST }])
    warn.mockRestore()
  })

  it('does not answer an invalid request whose request id is empty or not a string', async () => {
    const { route, calls, sent } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await route({ type: 'select-nodes', requestId: '', nodeIds: 'not-a-list' })
    await route({ type: 'select-nodes', requestId: 7, nodeIds: 'not-a-list' })
    await route({ type: 'no-such-type', requestId: 'r2' })
    expect(calls).toEqual([])
    expect(sent).toEqual([{ type: 'request-failed', requestId: 'r2', message: UNREADABLE_REQUEST }])
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
  })

  it('turns a handler error into request-failed or an unexpected-error report', async () => {
    const { route, sent, onUnexpected } = setup()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const plan = { runId: 'r', prompt: 'p', size: { width: 1024, height: 1024 }, count: 1, referenceNodeIds: ['1:1'] }
    await route({ type: 'run-start', requestId: 'q', plan })
    expect(sent).toEqual([{ type: 'request-failed', requestId: 'q', message: 'Something went wrong: boom' }])
    await route({ type: 'run-end', runId: 'r', outcome: 'done' })
    expect(onUnexpected).toHaveBeenCalledWith('run-end', expect.any(Error))
    error.mockRestore()
  })
})
