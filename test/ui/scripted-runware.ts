import type { GenerateHandlers, GenerateRequest, Generator } from '../../ui/generation/generator'
import { RunwareError } from '../../ui/runware/errors'
import type { ClientStatus, InferenceResult } from '../../ui/runware/types'
import { dataUri, fakeJpeg } from './fixtures'

// A Runware that does what the test says, when the test says: results arrive on `emit`,
// the run ends on `finish` or `fail`. It ignores abort on purpose, like a slow network would.

export function scriptedRunware() {
  let handlers: GenerateHandlers | undefined
  let settle: { resolve(): void; reject(error: unknown): void } | undefined
  const requests: GenerateRequest[] = []
  const uploads: string[] = []
  const signals: (AbortSignal | undefined)[] = []
  let uploadFails = false
  let n = 0
  const generator: Generator = {
    async uploadImage(uri) {
      uploads.push(uri)
      if (uploadFails) throw new RunwareError({ kind: 'server', message: 'Upload failed' })
      return { imageUUID: `uploaded-${uploads.length}` }
    },
    generate(request, h, signal) {
      requests.push(request)
      handlers = h
      signals.push(signal)
      return new Promise<void>((resolve, reject) => {
        settle = { resolve, reject }
      })
    },
  }
  return {
    generator,
    requests,
    uploads,
    signals,
    failUploads() {
      uploadFails = true
    },
    emit(image: Partial<InferenceResult> = {}) {
      n++
      handlers!.onResult({
        taskUUID: requests.at(-1)!.taskUUID,
        imageUUID: `image-${n}`,
        seed: 1000 + n,
        cost: 0.02,
        imageDataURI: dataUri(fakeJpeg(1440, 1080), 'image/jpeg'),
        ...image,
      })
    },
    /** One generation fails on its own, as a mixed reply reports it. */
    failOne: (error: unknown) => handlers!.onFailed?.(error),
    status: (status: ClientStatus) => handlers!.onStatus(status),
    finish: () => settle!.resolve(),
    fail: (error: unknown) => settle!.reject(error),
    get started() {
      return handlers !== undefined
    },
  }
}

export type ScriptedRunware = ReturnType<typeof scriptedRunware>
