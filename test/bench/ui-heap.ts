// What a frame's JavaScript keeps, read through the DevTools protocol after forced garbage
// collection, twice with a pause between, so what a finished run let go is not counted.

/** How much a frame's heap may grow over a long stretch of work (a session, a big run). */
export const HEAP_GROWTH_LIMIT_MB = 20

export type HeapCommand = (method: 'HeapProfiler.collectGarbage' | 'Runtime.getHeapUsage') => Promise<unknown>

export interface HeapReading {
  /** V8's own heap: objects, strings, closures. */
  js: number
  /** Blink's heap: DOM nodes and what they hold. */
  dom: number
  /** ArrayBuffer contents, stored outside V8's heap: where image bytes live. */
  buffers: number
}

export const heapTotal = (heap: HeapReading) => heap.js + heap.dom + heap.buffers

export async function heapAfterGc(send: HeapCommand): Promise<HeapReading> {
  await send('HeapProfiler.collectGarbage')
  await new Promise((resolve) => setTimeout(resolve, 200))
  await send('HeapProfiler.collectGarbage')
  const usage = (await send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number; backingStorageSize?: number }
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0, buffers: usage.backingStorageSize ?? 0 }
}

const signedMb = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)}`

/** "+0.38 MB" and its parts: "JS +0.10, DOM +0.20, array buffers +0.08 MB". */
export function heapGrowth(before: HeapReading, after: HeapReading): { bytes: number; total: string; parts: string } {
  const bytes = heapTotal(after) - heapTotal(before)
  const parts = `JS ${signedMb(after.js - before.js)}, DOM ${signedMb(after.dom - before.dom)}, array buffers ${signedMb(after.buffers - before.buffers)} MB`
  return { bytes, total: `${signedMb(bytes)} MB`, parts }
}
