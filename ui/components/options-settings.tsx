import { useState } from 'preact/hooks'

import { GenerationOptionsSchema, type GenerationOptions } from '../runware/generation-options'

// The model page's platform options the main form leaves out, shown inside Settings' collapsed
// "Connection & delivery" because the defaults are right for nearly everyone (dataURI output
// needs no second download). A change is saved only when the whole set is valid; otherwise
// the field says why. Showing the cost is the designer's and lives outside: it is taken from
// the saved options, never from this draft, so neither part undoes the other.

/** An option's key: a misspelt field name does not compile. */
type OptionKey = keyof GenerationOptions
type Draft = Partial<Record<OptionKey, unknown>>

export interface OptionsSettingsProps {
  options: GenerationOptions
  onSave(options: GenerationOptions): void
}

function problemsOf(draft: Draft): Form['problems'] {
  const parsed = GenerationOptionsSchema.safeParse(draft)
  if (parsed.success) return {}
  const problems: Form['problems'] = {}
  for (const issue of parsed.error.issues) problems[String(issue.path[0] ?? '') as OptionKey] ??= issue.message
  return problems
}

/** What every field of the form reads and writes, by its option's key. */
interface Form {
  text(key: OptionKey): string
  problems: Partial<Record<OptionKey, string>>
  change(key: OptionKey, value: unknown): void
}

interface ChoiceProps {
  id: string
  name: OptionKey
  label: string
  choices: [string, string][]
  form: Form
}

function Choice({ id, name, label, choices, form }: ChoiceProps) {
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <select id={id} class="select" value={form.text(name)} onChange={(event) => form.change(name, event.currentTarget.value)}>
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
  name: OptionKey
  label: string
  /** Numbers are saved as numbers, URLs as trimmed text; an empty field clears the option. */
  type: 'number' | 'url'
  form: Form
}

function Entry({ id, name, label, type, form }: EntryProps) {
  const problem = form.problems[name]
  return (
    <div class="field">
      <label class="label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input"
        type={type}
        value={form.text(name)}
        aria-invalid={problem ? 'true' : undefined}
        aria-describedby={problem ? `${id}-error` : undefined}
        onChange={(event) => {
          const value = event.currentTarget.value.trim()
          form.change(name, value === '' ? undefined : type === 'number' ? Number(value) : value)
        }}
      />
      {problem && (
        <p id={`${id}-error`} class="field-error">
          {problem}
        </p>
      )}
    </div>
  )
}

export function OptionsSettings({ options, onSave }: OptionsSettingsProps) {
  const [draft, setDraft] = useState<Draft>({ ...options })
  const safety = draft.safety as GenerationOptions['safety'] | undefined

  function change(key: OptionKey, value: unknown) {
    const next = { ...draft }
    if (value === undefined) delete next[key]
    else next[key] = value
    // time to live belongs to URL output only: dropped with it so the set stays valid
    if (key === 'outputType' && value !== 'URL') delete next.ttl
    setDraft(next)
    const parsed = GenerationOptionsSchema.safeParse({ ...next, includeCost: options.includeCost })
    if (parsed.success) onSave(parsed.data)
  }

  const form: Form = {
    text: (key) => (draft[key] === undefined ? '' : String(draft[key])),
    problems: problemsOf(draft),
    change,
  }
  const safetyOn = { checkContent: true, mode: 'fast' }
  const safetyOff = { checkContent: false, mode: 'none' }
  return (
    <section class="section" aria-labelledby="options-title">
      <h3 id="options-title" class="section-title">
        Delivery
      </h3>
        <Choice
          id="output-format"
          name="outputFormat"
          label="Output format"
          choices={[
            ['JPG', 'JPG'],
            ['PNG', 'PNG'],
            ['WEBP', 'WEBP (converted to PNG for Figma)'],
          ]}
          form={form}
        />
        <Entry id="output-quality" name="outputQuality" label="Output quality (20–99)" type="number" form={form} />
        <Choice
          id="output-type"
          name="outputType"
          label="Delivered as"
          choices={[
            ['dataURI', 'Data URI (recommended)'],
            ['base64Data', 'Base64'],
            ['URL', 'URL (downloaded afterwards)'],
          ]}
          form={form}
        />
        {draft.outputType === 'URL' && <Entry id="ttl" name="ttl" label="URL time to live, seconds (60 or more)" type="number" form={form} />}
        <Choice
          id="delivery"
          name="deliveryMethod"
          label="Delivery"
          choices={[
            ['sync', 'Wait for results'],
            ['async', 'Poll for results'],
          ]}
          form={form}
        />
        <Choice
          id="public-figures"
          name="publicFigureThreshold"
          label="Public figure moderation"
          choices={[
            ['auto', 'Automatic'],
            ['low', 'Low (less strict)'],
          ]}
          form={form}
        />
        <label class="checkbox">
          <input
            type="checkbox"
            checked={safety?.checkContent === true}
            onChange={(event) => change('safety', event.currentTarget.checked ? safetyOn : safetyOff)}
          />
          Check content safety
        </label>
        <Entry id="webhook-url" name="webhookURL" label="Webhook URL (optional)" type="url" form={form} />
        <Entry id="upload-endpoint" name="uploadEndpoint" label="Upload copies to (optional)" type="url" form={form} />
    </section>
  )
}
