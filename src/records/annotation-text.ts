import { formatCost } from '../common/cost'
import type { GenerationRecord } from '../common/generation-record'

// What a generated image says about itself to teammates, as an annotation's Markdown: readable
// in Dev Mode and the properties panel by anyone, with or without the plugin. The plugin's own
// actions read the record in plugin data instead; this is its human copy.

/** Backslash-escapes the characters Markdown would read as formatting. */
function literal(text: string): string {
  return text.replace(/[\\`*_[\]#~<>|]/g, '\\$&').replace(/\s+/g, ' ').trim()
}

export interface ReferenceLabel {
  name: string
  tag?: string
}

export function annotationMarkdown(record: GenerationRecord, references: readonly ReferenceLabel[]): string {
  const lines = [`**Prompt** ${literal(record.prompt)}`]
  if (references.length > 0) {
    lines.push(`**References** ${references.map((ref) => literal(ref.tag ? `${ref.name} (${ref.tag})` : ref.name)).join(', ')}`)
  }
  const facts = [`**Size** ${record.width}×${record.height}`, `**Model** ${literal(record.model)}`]
  if (record.seed !== undefined) facts.push(`**Seed** ${record.seed}`)
  if (record.cost !== undefined) facts.push(`**Cost** ${formatCost(record.cost)}`)
  lines.push(facts.join(' · '))
  lines.push(`**Made** ${record.createdAt.slice(0, 16).replace('T', ' ')} UTC`)
  return lines.join('\n')
}
