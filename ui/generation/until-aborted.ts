// Cancelling must end a run at once, even when the thing being waited on (a slow socket, a
// client that ignores the signal) does not stop by itself.

export class Cancelled extends Error {
  constructor() {
    super('Cancelled')
    this.name = 'AbortError'
  }
}

/** Settles when `work` does, or rejects as soon as `signal` aborts, whichever is first. */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined) // a late rejection after cancel is expected, not unhandled
  if (signal.aborted) return Promise.reject(new Cancelled())
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new Cancelled())
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}
