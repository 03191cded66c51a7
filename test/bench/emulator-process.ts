// Starts emulator-child.ts (built beside the bench as bench-emulator.mjs) and talks to it over
// IPC: the Runware emulator behind the byte-counting relay, in a process of its own.
import { fork, type ChildProcess } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { EmulatorOptions } from '../emulator/types'
import type { ChildReady, ChildRequest, ChildUsage } from './emulator-child'

type Op<R> = R extends { op: infer O } ? O : never
type Payload<O> = Omit<Extract<ChildRequest, { op: O }>, 'id' | 'op'>

export interface EmulatorProcess {
  /** The relay's addresses: everything the plugin and the bare request send goes through them. */
  url: string
  wsUrl: string
  apiKey: string
  setOptions(options: EmulatorOptions): Promise<void>
  lastInference(): Promise<{ task: Record<string, unknown>; bodyBytes: number }>
  wire(): Promise<{ sent: number; received: number }>
  resetWire(): Promise<void>
  /** Cumulative CPU and event-loop busy time of the emulator process, to be differenced. */
  usage(): Promise<ChildUsage>
  close(): Promise<void>
}

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'bench-emulator.mjs')
  const child: ChildProcess = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let nextId = 1
  const ready = new Promise<ChildReady>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before it was ready`)))
    child.on('message', (message: ChildReady | { id: number; result?: unknown; error?: string }) => {
      if ('ready' in message) return resolve(message)
      const waiter = pending.get(message.id)
      pending.delete(message.id)
      if (message.error !== undefined) waiter?.reject(new Error(`emulator process: ${message.error}`))
      else waiter?.resolve(message.result)
    })
  })
  child.on('exit', () => {
    for (const waiter of pending.values()) waiter.reject(new Error('the emulator process exited'))
    pending.clear()
  })
  const started = await ready

  function ask<O extends Op<ChildRequest>>(op: O, payload = {} as Payload<O>): Promise<unknown> {
    const id = nextId++
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      child.send({ id, op, ...payload })
    })
  }

  return {
    url: started.url,
    wsUrl: started.wsUrl,
    apiKey: started.apiKey,
    setOptions: async (options) => void (await ask('set-options', { options })),
    lastInference: () => ask('last-inference') as Promise<{ task: Record<string, unknown>; bodyBytes: number }>,
    wire: () => ask('wire') as Promise<{ sent: number; received: number }>,
    resetWire: async () => void (await ask('reset-wire')),
    usage: () => ask('usage') as Promise<ChildUsage>,
    async close() {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      await ask('close').catch(() => undefined)
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (child.exitCode === null) child.kill()
    },
  }
}
