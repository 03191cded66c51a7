// The state one emulator instance shares between its transports and tasks.
import { FaultQueue } from './faults'
import { ImageStore } from './image-store'
import { Lifecycle } from './lifecycle'
import { Outage } from './outage'
import { TaskStore } from './task-store'
import { defaultOptions, type EmulatorOptions, type EmulatorStats, type ProducedResult, type RecordedTask } from './types'

export interface EmulatorContext {
  options: Required<EmulatorOptions>
  /** 'http://127.0.0.1:PORT', known once the server listens. */
  baseUrl: string
  revokedKeys: Set<string>
  tasks: RecordedTask[]
  results: ProducedResult[]
  stats: EmulatorStats
  faults: FaultQueue
  images: ImageStore
  taskStore: TaskStore
  life: Lifecycle
  outage: Outage
}

export function createContext(options: EmulatorOptions): EmulatorContext {
  return {
    options: { ...defaultOptions(), ...withoutUndefined(options) },
    baseUrl: '',
    revokedKeys: new Set(),
    tasks: [],
    results: [],
    stats: { requestBytes: 0, responseBytes: 0, imageBytesServed: 0 },
    faults: new FaultQueue(),
    images: new ImageStore(),
    taskStore: new TaskStore(),
    life: new Lifecycle(),
    outage: new Outage(),
  }
}

export function withoutUndefined(options: EmulatorOptions): EmulatorOptions {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as EmulatorOptions
}

export function isKeyAccepted(ctx: EmulatorContext, key: unknown): key is string {
  return typeof key === 'string' && ctx.options.apiKeys.includes(key) && !ctx.revokedKeys.has(key)
}

export function recordTasks(ctx: EmulatorContext, transport: 'rest' | 'ws', tasks: unknown[], bodyBytes: number): void {
  const at = Date.now()
  for (const task of tasks) {
    const recorded = typeof task === 'object' && task !== null && !Array.isArray(task)
      ? task as Record<string, unknown>
      : { value: task }
    ctx.tasks.push({ transport, task: recorded, bodyBytes, at })
  }
}
