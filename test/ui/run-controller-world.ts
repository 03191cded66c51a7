import { vi } from 'vitest'

import type { PendingRun, UiToPlugin } from '../../src/common/protocol'
import { createBridge } from '../../ui/bridge/bridge'
import { createRunController } from '../../ui/generation/run-controller'
import type { UploadCache } from '../../ui/generation/upload-cache'
import { createImagePipeline } from '../../ui/image/image-pipeline'
import { fakeCodec, fakePng } from './fixtures'
import { scriptedRunware } from './scripted-runware'

// The run controller with a scripted Runware (results come when the test says) and a scripted
// sandbox behind the real bridge, so request ids, replies and message order are the real ones.

export const NOW = new Date('2025-03-04T05:06:07.000Z')

export interface SetupOptions {
  failPlacing?: (index: number) => string | null
  holdReplies?: boolean
  hash?: (bytes: Uint8Array) => string
  /** How the sandbox answers `task-sent`: saved (default), refused, or not at all. */
  saveTask?: 'refused' | 'silent'
  onInterrupted?: (run: PendingRun) => void
  uploadCache?: UploadCache
  saveTimeoutMs?: number
}

export function setupRunController(options: SetupOptions = {}) {
  const sent: UiToPlugin[] = []
  // replies the sandbox holds back until the test releases them (holdReplies)
  const held: Array<() => void> = []
  let ids = 0
  // the sandbox: answers run-start and place-result on the next tick, like postMessage would
  const bridge = createBridge({
    newId: () => `id-${++ids}`,
    warn: () => undefined,
    // short, so a sandbox that never answers task-sent costs the test little
    timeouts: { 'task-sent': options.saveTimeoutMs ?? 50 },
    port: {
      post(message) {
        sent.push(message)
        const answer = () => {
          if (message.type === 'run-start') {
            const slotNodeIds = Array.from({ length: message.plan.count }, (_, i) => `slot:${i}`)
            bridge.receive({ type: 'run-started', requestId: message.requestId, slotNodeIds })
          } else if (message.type === 'task-sent') {
            if (options.saveTask === 'silent') return
            bridge.receive(
              options.saveTask === 'refused'
                ? { type: 'request-failed', requestId: message.requestId, message: 'Figma could not save this run for recovery.' }
                : { type: 'task-saved', requestId: message.requestId },
            )
          } else if (message.type === 'place-result') {
            const failure = options.failPlacing?.(message.index)
            bridge.receive(
              failure
                ? { type: 'request-failed', requestId: message.requestId, message: failure }
                : { type: 'result-placed', requestId: message.requestId, nodeId: `node:${message.index}` },
            )
          }
        }
        if (options.holdReplies) held.push(answer)
        else queueMicrotask(answer)
      },
    },
  })
  const runware = scriptedRunware()
  const generatorFor = vi.fn(() => runware.generator)
  const fetchBytes = vi.fn(async () => fakePng(1440, 1080))
  const controller = createRunController({
    bridge,
    generatorFor,
    pipeline: createImagePipeline(fakeCodec().codec),
    fetchBytes,
    clock: { now: () => NOW },
    newId: () => `id-${++ids}`,
    hash: options.hash,
    uploadCache: options.uploadCache,
    onInterrupted: options.onInterrupted,
  })
  const release = () => held.splice(0).forEach((answer) => answer())
  const types = () => sent.map((m) => m.type)
  const of = <T extends UiToPlugin['type']>(type: T) => sent.filter((m): m is Extract<UiToPlugin, { type: T }> => m.type === type)
  return { controller, runware, sent, types, of, generatorFor, fetchBytes, release }
}

