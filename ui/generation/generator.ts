import type { GenerationOptions } from '../runware/generation-options'
import type { Endpoint } from '../state/settings'
import type { ClientStatus, InferenceResult } from '../runware/types'

// What the run controller needs from Runware, and nothing more. The real client in
// ui/runware/ is adapted to this (runware-generator.ts); tests script it directly.

export interface GenerateRequest {
  prompt: string
  width: number
  height: number
  numberResults: number
  /** Uploaded imageUUIDs or inline data URIs, 1–3. */
  referenceImages: string[]
  /** One tag per reference when the prompt names them by `@tag`. */
  referenceTags?: string[]
  options: GenerationOptions
  taskUUID: string
}

export interface GenerateHandlers {
  /** Called once per image, as soon as it arrives. */
  onResult(result: InferenceResult): void
  /** Called once per generation that failed on its own while others arrived; it takes the next slot. */
  onFailed?(error: unknown): void
  onStatus(status: ClientStatus): void
}

export interface Generator {
  uploadImage(dataUri: string, signal?: AbortSignal): Promise<{ imageUUID: string }>
  /** Resolves when every result was delivered; rejects with a RunwareError-like error. */
  generate(request: GenerateRequest, handlers: GenerateHandlers, signal?: AbortSignal): Promise<unknown>
  /** Follows a task sent in an earlier session by its taskUUID (getResponse), never re-sending it. */
  recover?(taskUUID: string, numberResults: number, handlers: GenerateHandlers, signal?: AbortSignal): Promise<unknown>
}

export interface GeneratorConfig {
  apiKey: string
  endpoint: Endpoint
}

/** Called per run with the current key and endpoint; may hand back a cached client. */
export type GeneratorFactory = (config: GeneratorConfig) => Generator
