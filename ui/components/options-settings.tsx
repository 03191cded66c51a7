import { useState } from 'preact/hooks'

import { GenerationOptionsSchema, type GenerationOptions } from '../runware/generation-options'

// The seed's platform options the main form leaves out. Kept behind a disclosure because
// the defaults are right for nearly everyone (dataURI output needs no second download).
// A change is saved only when the whole set is valid; otherwise the field says why.

type Draft = Record<string, unknown>

export interface OptionsSettingsProps {
  options: GenerationOptions
  onSave(options: GenerationOptions): void
}

function problemsOf(draft: Draft): Record<string, string> {
  const parsed = GenerationOptionsSchema.safeParse(draft)
  if (parsed.success) return {}
  const problems: Record<string, string> = {}
  for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '')] ??= issue.message
  return problems
}

interface ChoiceProps {
  id: string
  label: string
  value: string
  choices: [string, string][]
  onChange(value: string): void
}

function Choice({ id, label, value, choices, onChange }: ChoiceProps) {
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <select id={id} class="select" value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {choices.map(([choice, text]) => (
          <option key={choice} value={choice}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

interface EntryProps {
  id: string
  label: string
  value: string
  type: 'number' | 'url'
  problem?: string
  onChange(value: string): void
}

function Entry({ id, label, value, type, problem, onChange }: EntryProps) {
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input"
        type={type}
        value={value}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.currentTarget.value)}
      />
      {problem && (
        <p id={`${id}-error`} class="field-error">
          {problem}
        </p>
      )}
    </div>
  )
}

const optionalText = (value: string) => (value.trim() === '' ? undefined : value.trim())
const optionalNumber = (value: string) => (value.trim() === '' ? undefined : Number(value))

export function OptionsSettings({ options, onSave }: OptionsSettingsProps) {
  const [draft, setDraft] = useState<Draft>({ ...options })
  const problems = problemsOf(draft)
  const text = (key: string) => (draft[key] === undefined ? '' : String(draft[key]))
  const safety = draft.safety as GenerationOptions['safety'] | undefined

  function change(key: string, value: unknown) {
    const next = { ...draft }
    if (value === undefined) delete next[key]
    else next[key] = value
    // time to live belongs to URL output only: dropped with it so the set stays valid
    if (key === 'outputType' && value !== 'URL') delete next.ttl
    setDraft(next)
    const parsed = GenerationOptionsSchema.safeParse(next)
    if (parsed.success) onSave(parsed.data)
  }

  const safetyOn = { checkContent: true, mode: 'fast' }
  const safetyOff = { checkContent: false, mode: 'none' }
  return (
    <details class="section">
      <summary class="section-title">Advanced generation options</summary>
      <div class="section-body">
        <Choice
          id="output-format"
          label="Output format"
          value={text('outputFormat')}
          choices={[
            ['JPG', 'JPG'],
            ['PNG', 'PNG'],
            ['WEBP', 'WEBP (converted to PNG for Figma)'],
          ]}
          onChange={(v) => change('outputFormat', v)}
        />
        <Entry
          id="output-quality"
          label="Output quality (20–99)"
          type="number"
          value={text('outputQuality')}
          problem={problems.outputQuality}
          onChange={(v) => change('outputQuality', optionalNumber(v))}
        />
        <Choice
          id="output-type"
          label="Delivered as"
          value={text('outputType')}
          choices={[
            ['dataURI', 'Data URI (recommended)'],
            ['base64Data', 'Base64'],
            ['URL', 'URL (downloaded afterwards)'],
          ]}
          onChange={(v) => change('outputType', v)}
        />
        {draft.outputType === 'URL' && (
          <Entry
            id="ttl"
            label="URL time to live, seconds (60 or more)"
            type="number"
            value={text('ttl')}
            problem={problems.ttl}
            onChange={(v) => change('ttl', optionalNumber(v))}
          />
        )}
        <Choice
          id="delivery"
          label="Delivery"
          value={text('deliveryMethod')}
          choices={[
            ['sync', 'Wait for results'],
            ['async', 'Poll for results'],
          ]}
          onChange={(v) => change('deliveryMethod', v)}
        />
        <Choice
          id="public-figures"
          label="Public figure moderation"
          value={text('publicFigureThreshold')}
          choices={[
            ['auto', 'Automatic'],
            ['low', 'Low (less strict)'],
          ]}
          onChange={(v) => change('publicFigureThreshold', v)}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={safety?.checkContent === true}
            onChange={(event) => change('safety', event.currentTarget.checked ? safetyOn : safetyOff)}
          />
          Check content safety
        </label>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={draft.includeCost === true}
            onChange={(event) => change('includeCost', event.currentTarget.checked)}
          />
          Show the cost of each image
        </label>
        <Entry
          id="webhook-url"
          label="Webhook URL (optional)"
          type="url"
          value={text('webhookURL')}
          problem={problems.webhookURL}
          onChange={(v) => change('webhookURL', optionalText(v))}
        />
        <Entry
          id="upload-endpoint"
          label="Upload copies to (optional)"
          type="url"
          value={text('uploadEndpoint')}
          problem={problems.uploadEndpoint}
          onChange={(v) => change('uploadEndpoint', optionalText(v))}
        />
      </div>
    </details>
  )
}
