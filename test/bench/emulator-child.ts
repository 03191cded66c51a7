// The bench's emulator process: the Runware emulator and the byte-counting relay in front of it,
// driven over IPC by emulator-process.ts. They run apart from the bench's own process because
// Playwright there parses every WebSocket frame the browser reports (1–2 MB each) on the same
// event loop: an emulator sharing it would send the plugin's results late, and the bare Node
// request, which Playwright does not watch, would not pay the same delay.
import { performance } from 'node:perf_hooks'

import { startEmulator } from '../emulator/index'
import type { EmulatorOptions } from '../emulator/types'
import { startWireCounter } from './wire-counter'

export type ChildRequest =
  | { id: number; op: 'set-options'; options: EmulatorOptions }
  | { id: number; op: 'last-inference' }
  | { id: number; op: 'wire' }
  | { id: number; op: 'reset-wire' }
  | { id: number; op: 'close' }
  | { id: number; op: 'usage' }

/** This process's CPU time (all threads, sharp's included) and its event loop's busy time, in ms. */
export interface ChildUsage {
  cpuMs: number
  loopBusyMs: number
}

export interface ChildReady {
  ready: true
  url: string
  wsUrl: string
  apiKey: string
}

const emulator = await startEmulator({ perMessageDeflate: true })
const wire = await startWireCounter(Number(new URL(emulator.url).port))

function answer(request: ChildRequest): unknown {
  switch (request.op) {
    case 'set-options':
      emulator.setOptions(request.options)
      return null
    case 'last-inference': {
      const last = emulator.tasks.filter((t) => t.task.taskType === 'imageInference').at(-1)
      if (!last) throw new Error('no imageInference task reached the emulator')
      return { task: last.task, bodyBytes: last.bodyBytes }
    }
    case 'wire':
      return { sent: wire.sent, received: wire.received }
    case 'reset-wire':
      wire.reset()
      return null
    case 'close':
      return null
    case 'usage': {
      const { user, system } = process.cpuUsage()
      const usage: ChildUsage = { cpuMs: (user + system) / 1000, loopBusyMs: performance.eventLoopUtilization().active }
      return usage
    }
  }
}

process.on('message', (request: ChildRequest) => {
  void (async () => {
    try {
      const result = answer(request)
      if (request.op === 'close') await Promise.all([wire.close(), emulator.close()])
      process.send!({ id: request.id, result })
      if (request.op === 'close') process.disconnect()
    } catch (error) {
      process.send!({ id: request.id, error: String(error) })
    }
  })()
})
// the bench gone (even killed) means this process has nothing left to serve
process.on('disconnect', () => process.exit(0))
process.send!({ ready: true, url: wire.url, wsUrl: wire.wsUrl, apiKey: emulator.apiKey } satisfies ChildReady)
