import { readEnvelope, type Envelope } from './response-schema'

// Reading and writing WebSocket frames. Client frames are JSON arrays of tasks; server frames
// are `{data:[…]}` / `{errors:[…]}` objects.

export type FrameRead = { ok: true; envelope: Envelope } | { ok: false; detail: string }

const decoder = new TextDecoder()

/** Text of a message event's data; undefined for a Blob, which must be read asynchronously. */
export function frameText(data: unknown): string | undefined {
  if (typeof data === 'string') return data
  if (data instanceof ArrayBuffer) return decoder.decode(new Uint8Array(data))
  if (ArrayBuffer.isView(data)) return decoder.decode(data)
  return undefined
}

export function readFrame(text: string): FrameRead {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, detail: `frame is not JSON: ${JSON.stringify(text.slice(0, 80))}` }
  }
  const envelope = readEnvelope(json)
  return envelope ? { ok: true, envelope } : { ok: false, detail: `frame has no data or errors: ${JSON.stringify(text.slice(0, 80))}` }
}

export function authFrame(apiKey: string, connectionSessionUUID?: string): string {
  const task: Record<string, string> = { taskType: 'authentication', apiKey }
  if (connectionSessionUUID) task.connectionSessionUUID = connectionSessionUUID
  return JSON.stringify([task])
}

// Runware's keep-alive task and its reply `{data:[{taskType:'ping', pong:true}]}`.
export const PING_FRAME = JSON.stringify([{ taskType: 'ping', ping: true }])
