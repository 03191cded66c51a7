// Image bytes cross to the sandbox in a transfer list. The plugin window is a cross-origin
// iframe, so the browser runs it in its own process; a cloned 750 KB Uint8Array then costs the
// receiving main thread (Figma's, where the sandbox runs) 20–200 ms to deserialize on a
// 2-core machine, while a transferred buffer arrives in well under a millisecond. The receiver
// still gets a plain Uint8Array (figma-platform.md §2.2). Each is transferred as a copy, so
// the caller keeps its bytes (History makes a thumbnail from them after placing).

export interface Transferable {
  message: unknown
  transfer: ArrayBuffer[]
}

/** The message with each top-level Uint8Array replaced by a transferable copy. */
export function withTransferableBytes<T extends object>(message: T): Transferable {
  const transfer: ArrayBuffer[] = []
  let copy: Record<string, unknown> | null = null
  for (const [key, value] of Object.entries(message)) {
    if (!(value instanceof Uint8Array) || value.byteLength === 0) continue
    const bytes = value.slice()
    copy = { ...(copy ?? message), [key]: bytes }
    transfer.push(bytes.buffer)
  }
  return { message: copy ?? message, transfer }
}
