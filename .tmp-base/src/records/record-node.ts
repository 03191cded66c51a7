import { decodeRecord, encodeRecord, GenerationRecordSchema, RECORD_KEY } from '../common/generation-record'
import type { GenerationRecord } from '../common/generation-record'
import { redact, shorten } from '../text'
import { relaunchDescriptions } from './relaunch'

// What produced a generated node, written on the node itself (plugin data, name, relaunch
// buttons). Plugin data lives in the file and every collaborator can read it
// (figma-platform.md §5), so the API key must never get there, not even inside a prompt.

export const MAX_NAME_LENGTH = 80

export function resultName(prompt: string, index: number): string {
  return `${shorten(prompt, MAX_NAME_LENGTH)} ${index + 1}`
}

/** The record with every occurrence of `secret` hidden. */
export function withoutSecret(record: GenerationRecord, secret: string | null): GenerationRecord {
  if (!secret) return record
  const cleaned: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string') cleaned[field] = redact(value, secret)
    else if (Array.isArray(value)) cleaned[field] = value.map((item: unknown) => (typeof item === 'string' ? redact(item, secret) : item))
    else cleaned[field] = value
  }
  return GenerationRecordSchema.parse(cleaned)
}

export function writeRecord(node: SceneNode, record: GenerationRecord, secret: string | null): void {
  const safe = withoutSecret(record, secret)
  node.setPluginData(RECORD_KEY, encodeRecord(safe))
  node.setRelaunchData(relaunchDescriptions(safe.prompt, safe.width, safe.height))
  node.name = resultName(safe.prompt, safe.index)
}

/** The record on a node, or undefined when it has none or it cannot be read. */
export function readRecord(node: BaseNode): GenerationRecord | undefined {
  return decodeRecord(node.getPluginData(RECORD_KEY))
}
