import { v4 as uuidv4 } from 'uuid'

import { isBase64, isBase64DataUri } from './base64'
import { classifyApiError, classifyThrown } from './classify-error'
import { cancelledError, clientTimeoutError, malformedReplyError, RunwareError } from './errors'
import { readItem } from './response-schema'
import type { RetryPolicy } from './retry-policy'
import { sendWithRetry } from './send-with-retry'
import type { Transport } from './transport'
import type { ClientStatus } from './types'

// `imageUpload`: sends one reference once so the inference task can carry a short imageUUID
// instead of megabytes of base64. The reply's `data` may be an object or
// an array, with or without imageURL; the envelope reader accepts both.

export interface UploadResult {
  imageUUID: string
  imageURL?: string
}

export interface UploadSettings {
  retry: RetryPolicy
  /** WebSocket: give up when no reply arrives within this long. */
  replyTimeoutMs: number
  onStatus?: (status: ClientStatus) => void
}

export function checkUploadInput(image: string): RunwareError | undefined {
  if (isBase64DataUri(image) || isBase64(image)) return undefined
  return new RunwareError({
    kind: 'validation',
    field: 'image',
    message: "This reference isn't image data the plugin can upload (it needs a data URI or base64).",
    detail: `imageUpload input of ${image.length} characters is neither a base64 data URI nor base64`,
    notAccepted: true,
  })
}

export function runUpload(transport: Transport, image: string, settings: UploadSettings, signal?: AbortSignal): Promise<UploadResult> {
  const invalid = checkUploadInput(image)
  if (invalid) return Promise.reject(invalid)
  const taskUUID = uuidv4()
  return new Promise<UploadResult>((resolve, reject) => {
    let settled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let unsubscribe = (): void => {}
    const finish = (error: RunwareError | undefined, result?: UploadResult): void => {
      if (settled) return
      settled = true
      unsubscribe()
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      if (error) reject(error)
      else resolve(result!)
    }
    const onAbort = (): void => finish(cancelledError(taskUUID))
    if (signal?.aborted) return onAbort()
    signal?.addEventListener('abort', onAbort, { once: true })

    unsubscribe = transport.subscribe(taskUUID, (event) => {
      if (event.type === 'failed') return finish(event.error)
      if (event.type === 'unreadable') return finish(malformedReplyError(event.detail, taskUUID))
      if (event.type !== 'reply') return
      const first = event.envelope.errors[0]
      if (first) return finish(classifyApiError(first, taskUUID))
      for (const item of event.envelope.data) {
        const read = readItem(item)
        if (read.kind === 'upload') {
          return finish(undefined, read.imageURL ? { imageUUID: read.imageUUID, imageURL: read.imageURL } : { imageUUID: read.imageUUID })
        }
      }
    })

    sendWithRetry(transport, [{ taskType: 'imageUpload', taskUUID, image }], { policy: settings.retry, onStatus: settings.onStatus, signal })
      .then(() => {
        if (settled) return
        if (transport.name === 'rest') return finish(malformedReplyError('imageUpload reply without imageUUID', taskUUID))
        timer = setTimeout(() => finish(clientTimeoutError(`No imageUpload reply within ${settings.replyTimeoutMs} ms`, taskUUID)), settings.replyTimeoutMs)
      })
      .catch((thrown: unknown) => finish(classifyThrown(thrown)))
  })
}
