// Image bytes cross to the sandbox in a transfer list. The plugin window is a cross-origin
// iframe, so the browser runs it in its own process; a cloned 750 KB Uint8Array then costs the
// receiving main thread (Figma's, where the sandbox runs) 20–200 ms to deserialize on a
// 2-core machine, while a transferred buffer arrives in well under a millisecond. The receiver
// still gets a plain Uint8Array, the one typed array Figma's messages carry.
//
// The bytes are handed over, not copied: an array that is the whole of its buffer goes as it
// is and is empty (detached) in the sender afterwards. Copying each result first cost the
// iframe's main thread 1–3 ms per 564 KB result during a run, a quarter of its JavaScript
// there. A sender that needs the bytes later keeps its own (ui/generation/deliver-result.ts).
// An array that is a view into a larger buffer is copied, so the rest of that buffer stays.

export interface Transferable {
  message: unknown
  transfer: ArrayBuffer[]
}

/** The message with each top-level Uint8Array made transferable; see above for ownership. */
export function withTransferableBytes<T extends object>(message: T): Transferable {
  const transfer: ArrayBuffer[] = []
  let copy: Record<string, unknown> | null = null
  for (const [key, value] of Object.entries(message)) {
    if (!(value instanceof Uint8Array) || value.byteLength === 0) continue
    const bytes = value.byteOffset === 0 && value.byteLength === value.buffer.byteLength ? value : value.slice()
    if (bytes !== value) copy = { ...(copy ?? message), [key]: bytes }
    transfer.push(bytes.buffer as ArrayBuffer)
  }
  return { message: copy ?? message, transfer }
}
