// Drives the sandbox against the in-memory Figma fake the way the UI would: posts messages,
// collects every reply (each one checked against the protocol, as the UI parses them) and
// waits for the sandbox to settle.
import { expect } from 'vitest'

import { parsePluginToUi } from '../../src/common/protocol/plugin-to-ui'
import type { PluginToUi, UiToPlugin } from '../../src/common/protocol'
import { createPlugin } from '../../src/plugin'
import { createFigmaFake } from '../figma-fake/index'
import type { FakeOptions, FigmaFake } from '../figma-fake/index'

export type Reply<K extends PluginToUi['type']> = Extract<PluginToUi, { type: K }>

export interface Sandbox {
  fake: FigmaFake
  figma: PluginAPI
  received: PluginToUi[]
  send(message: UiToPlugin | Record<string, unknown>): void
  settle(): Promise<void>
  /** Sends and waits for the first reply of `type` that arrives after it. */
  request<K extends PluginToUi['type']>(message: UiToPlugin, type: K): Promise<Reply<K>>
  waitFor<K extends PluginToUi['type']>(type: K, match?: (reply: Reply<K>) => boolean, after?: number): Promise<Reply<K>>
  of<K extends PluginToUi['type']>(type: K): Reply<K>[]
  /** The reply (of any type) carrying `requestId`. */
  replyTo(requestId: string): Promise<PluginToUi>
}

/** A plugin session on a new fake, or on `fake` (after its relaunch, for a second session on the same document). */
export async function startSandbox(options: FakeOptions = {}, fake: FigmaFake = createFigmaFake(options)): Promise<Sandbox> {
  const session = createPlugin(fake.figma, '<html><body>ui</body></html>')
  const received: PluginToUi[] = []
  fake.ui.onMessageFromPlugin((raw) => {
    const parsed = parsePluginToUi(raw)
    expect(parsed.ok, parsed.ok ? '' : parsed.reason).toBe(true)
    if (parsed.ok) received.push(parsed.message)
  })

  async function settle(): Promise<void> {
    for (let round = 0; round < 5; round += 1) {
      await fake.flush()
      await session.idle()
    }
    await fake.flush()
  }

  async function waitFor<K extends PluginToUi['type']>(
    type: K,
    match: (reply: Reply<K>) => boolean = () => true,
    after = 0,
  ): Promise<Reply<K>> {
    const deadline = Date.now() + 5000
    for (;;) {
      const found = received.slice(after).find((m): m is Reply<K> => m.type === type && match(m as Reply<K>))
      if (found) return found
      if (Date.now() > deadline) throw new Error(`no '${type}' reply within 5 s; got ${received.map((m) => m.type).join(', ')}`)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  return {
    fake,
    figma: fake.figma,
    received,
    send: (message) => fake.ui.postToPlugin(message),
    settle,
    async request(message, type) {
      const after = received.length
      fake.ui.postToPlugin(message)
      const reply = await waitFor(type, () => true, after)
      await settle()
      return reply
    },
    waitFor,
    of: (type) => received.filter((m): m is Reply<typeof type> => m.type === type),
    async replyTo(requestId) {
      const deadline = Date.now() + 5000
      for (;;) {
        const found = received.find((m) => 'requestId' in m && m.requestId === requestId)
        if (found) return found
        if (Date.now() > deadline) throw new Error(`no reply to ${requestId} within 5 s`)
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    },
  }
}

/** Starts the sandbox and completes the UI handshake. */
export async function readySandbox(options: FakeOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox(options)
  sandbox.send({ type: 'ui-ready' })
  await sandbox.waitFor('selection')
  await sandbox.settle()
  return sandbox
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
