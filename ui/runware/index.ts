// The Runware layer's public API: build and check a task, run it, upload references, read
// result images, and act on errors. Everything else in this folder is internal.

export type { ClientStatus, ClientTuning, ConnectionMode, InferenceResult, RunwareClientConfig } from './types'
export type { ErrorKind } from './errors'
export { createRunwareClient, DEFAULT_TUNING, type RunwareClient } from './client'
export type { GenerateHandlers, GenerateSummary } from './inference-run'
export type { UploadResult } from './upload-run'
export type { TransportName } from './transport'
export { buildInferenceTask, validateInferenceTask, type BuildTaskInput, type BuildTaskResult } from './build-task'
export {
  InferenceTaskSchema,
  isReferenceImage,
  PROMPT_MAX,
  REFERENCES_MAX,
  RESULTS_MAX,
  type InferenceTask,
  type OutputFormat,
  type OutputType,
} from './task-schema'
export { RunwareError, isInterrupted, isRunwareError } from './errors'
export { DEFAULT_POLL_POLICY, DEFAULT_RETRY_POLICY, type PollPolicy, type RetryPolicy } from './retry-policy'
export { classifyError, type ErrorFacts } from './classify-error'
export { readResultImage, type ResultImage } from './result-image'
export { checkImageBytes, type ImageFormat } from './image-check'
export { base64ToBytes, bytesToBase64, parseDataUri } from './base64'
export { raceAbort } from './abortable'
export { createKeyChecker, type KeyChecker, type KeyCheckOutcome, type KeyCheckRequest } from './check-key'
