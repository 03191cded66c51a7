import { decodeRecord, encodeRecord, GenerationRecordSchema } from '../common/generation-record'
import type { GenerationRecord } from '../common/generation-record'
import { resultName } from '../placement/run-title'
import { hideSecret } from '../common/secret'
import { relaunchDescriptions } from './relaunch'
import { RECORD_KEY } from '../common/storage-keys'

// What produced a generated node, written on the node itself (plugin data, name, relaunch
// buttons). Plugin data lives in the file and every collaborator can read it
// (and export the file), so the API key must never get there, not even inside a prompt.

/** The record with every occurrence of `secret` hidden. */
export function withoutSecret(record: GenerationRecord, secret: string | null): GenerationRecord {
  if (!secret) return record
  const cleaned: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(record)) {
    if (typeof value === 'string') cleaned[field] = hideSecret(value, secret)
    else if (Array.isArray(value)) cleaned[field] = value.map((item: unknown) => (typeof item === 'string' ? hideSecret(item, secret) : item))
    else cleaned[field] = value
  }
  return GenerationRecordSchema.parse(cleaned)
}

/** `number` is the result's number as the designer sees it (a recovered result keeps its original one). */
export function writeRecord(node: SceneNode, record: GenerationRecord, secret: string | null, number = record.index): void {
  const safe = withoutSecret(record, secret)
  node.setPluginData(RECORD_KEY, encodeRecord(safe))
  node.setRelaunchData(relaunchDescriptions(safe.prompt, safe.width, safe.height))
  node.name = resultName(safe.prompt, number)
}

/** The record on a node, or undefined when it has none or it cannot be read. */
export function readRecord(node: BaseNode): GenerationRecord | undefined {
  return decodeRecord(node.getPluginData(RECORD_KEY))
}
