import { cancelledError } from './errors'

// Waiting that stops the moment the user cancels: every sleep in the client goes through here.

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError())
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(cancelledError())
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * Waits for `promise`, but rejects as cancelled the moment `signal` aborts (the work itself goes
 * on: a slow socket or a client that ignores the signal cannot hold a cancel up).
 */
export function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise
  promise.catch(() => undefined) // a late rejection after cancel is expected, not unhandled
  if (signal.aborted) return Promise.reject(cancelledError())
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(cancelledError())
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
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
