import { findSize, sizeKey } from '../../src/common/sizes'
import { groupSizes, sizeLabel } from '../lib/size-options'

// Only the 16 sizes the model accepts, grouped by aspect ratio: a free width/height field
// would invite sizes the API refuses. "Match reference" picks the one closest to the first
// reference's shape. Until the saved size is known (null) the list stays empty and disabled
// rather than showing a default that is about to change.

export interface SizePickerProps {
  value: { width: number; height: number } | null
  onPick(size: { width: number; height: number }): void
  onMatchReference(): void
  canMatch: boolean
}

const GROUPS = groupSizes()

export function SizePicker({ value, onPick, onMatchReference, canMatch }: SizePickerProps) {
  function handleChange(event: Event) {
    const [width, height] = (event.currentTarget as HTMLSelectElement).value.split('x').map(Number)
    const size = findSize(width ?? 0, height ?? 0)
    if (size) onPick(size)
  }

  return (
    <div class="field">
      <div class="label-row">
        <label class="label" for="size">
          Size
        </label>
        <button
          type="button"
          class="link-button"
          disabled={!canMatch || !value}
          title={canMatch ? 'Use the size closest to the first reference' : 'Select a reference first'}
          onClick={onMatchReference}
        >
          Match reference
        </button>
      </div>
      <select id="size" class="select" value={value ? sizeKey(value) : ''} disabled={!value} onChange={handleChange}>
        {!value && <option value="" />}
        {value && GROUPS.map((group) => (
          <optgroup key={group.aspect} label={group.label}>
            {group.sizes.map((size) => (
              <option key={sizeKey(size)} value={sizeKey(size)}>
                {sizeLabel(size)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  )
}
