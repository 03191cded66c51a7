// figma.annotations and node.annotations, as Figma's plugin API reference and typings define
// them (https://developers.figma.com/docs/plugins/api/Annotation,
// https://developers.figma.com/docs/plugins/api/figma-annotations). An annotation is
// { label?, labelMarkdown?, properties?, categoryId? }; categories belong to the file, each with
// a label and one of eight colours. Annotations exist on components, component sets, ellipses,
// frames, instances, lines, polygons, rectangles, stars, text and vectors: of the fake's nodes,
// frames, rectangles and text (a section has no such member). The fake checks what the
// typings promise: known keys, string labels, known property types, and a categoryId that
// names a category of this file. FigJam boards have no figma.annotations here: the API is
// documented for Figma design and Dev Mode, so a plugin must not count on it elsewhere.
import { rejectUnknownKeys } from './errors'
import type { FakeContext } from './context'

export const ANNOTATION_COLORS: readonly AnnotationCategoryColor[] = ['yellow', 'orange', 'red', 'pink', 'violet', 'blue', 'teal', 'green']

const PROPERTY_TYPES = new Set<string>([
  'width', 'height', 'maxWidth', 'minWidth', 'maxHeight', 'minHeight', 'fills', 'strokes', 'effects',
  'strokeWeight', 'cornerRadius', 'textStyleId', 'textAlignHorizontal', 'fontFamily', 'fontStyle',
  'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'itemSpacing', 'padding', 'layoutMode',
  'alignItems', 'opacity', 'mainComponent', 'gridRowGap', 'gridColumnGap', 'gridRowCount',
  'gridColumnCount', 'gridRowAnchorIndex', 'gridColumnAnchorIndex', 'gridRowSpan', 'gridColumnSpan',
] satisfies AnnotationPropertyType[])

function checkColor(call: string, color: unknown): AnnotationCategoryColor {
  if (!ANNOTATION_COLORS.includes(color as AnnotationCategoryColor)) throw new TypeError(`in ${call}: Expected color to be one of ${ANNOTATION_COLORS.join(', ')}`)
  return color as AnnotationCategoryColor
}

function checkLabel(call: string, label: unknown): string {
  if (typeof label !== 'string' || label.trim() === '') throw new TypeError(`in ${call}: Expected label to be a non-empty string`)
  return label
}

export class CategoryImpl implements AnnotationCategory {
  constructor(
    private readonly categories: Map<string, CategoryImpl>,
    readonly id: string,
    private _label: string,
    private _color: AnnotationCategoryColor,
    readonly isPreset = false,
  ) {}

  get label(): string { return this._label }
  get color(): AnnotationCategoryColor { return this._color }
  remove(): void { this.categories.delete(this.id) }
  setColor(color: AnnotationCategoryColor): void { this._color = checkColor('setColor', color) }
  setLabel(label: string): void { this._label = checkLabel('setLabel', label) }
}

export class AnnotationsApiImpl implements AnnotationsAPI {
  constructor(readonly _ctx: FakeContext) {}

  async getAnnotationCategoriesAsync(): Promise<AnnotationCategory[]> {
    return [...this._ctx.annotationCategories.values()]
  }

  async getAnnotationCategoryByIdAsync(id: string): Promise<AnnotationCategory | null> {
    if (typeof id !== 'string') throw new TypeError('in getAnnotationCategoryByIdAsync: Expected id to be a string')
    return this._ctx.annotationCategories.get(id) ?? null
  }

  async addAnnotationCategoryAsync(input: { label: string; color: AnnotationCategoryColor }): Promise<AnnotationCategory> {
    const call = 'addAnnotationCategoryAsync'
    if (typeof input !== 'object' || input === null) throw new TypeError(`in ${call}: Expected { label, color }`)
    rejectUnknownKeys(call, input, ['label', 'color'])
    const categories = this._ctx.annotationCategories
    const category = new CategoryImpl(categories, `AnnotationCategory:${categories.size + 1}`, checkLabel(call, input.label), checkColor(call, input.color))
    categories.set(category.id, category)
    return category
  }
}

/** node.annotations = value, checked as Figma's typings describe it; the stored copy is frozen. */
export function checkAnnotations(ctx: FakeContext, value: unknown): ReadonlyArray<Annotation> {
  const call = 'set_annotations'
  if (!Array.isArray(value)) throw new TypeError(`in ${call}: Expected an array of annotations`)
  return Object.freeze(value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) throw new TypeError(`in ${call}: Expected each annotation to be an object`)
    rejectUnknownKeys(call, entry, ['label', 'labelMarkdown', 'properties', 'categoryId'])
    const { label, labelMarkdown, properties, categoryId } = entry as Record<string, unknown>
    for (const [name, text] of [['label', label], ['labelMarkdown', labelMarkdown]] as const) {
      if (text !== undefined && typeof text !== 'string') throw new TypeError(`in ${call}: Expected ${name} to be a string`)
    }
    if (properties !== undefined && (!Array.isArray(properties) || properties.some((p: unknown) => !PROPERTY_TYPES.has((p as { type?: string } | null)?.type ?? '')))) {
      throw new TypeError(`in ${call}: Expected properties to be a list of { type } with a known property type`)
    }
    if (categoryId !== undefined && (typeof categoryId !== 'string' || !ctx.annotationCategories.has(categoryId))) {
      throw new Error(`in ${call}: Invalid annotation category id ${String(categoryId)}`)
    }
    const copy: { -readonly [K in keyof Annotation]: Annotation[K] } = {}
    if (label !== undefined) copy.label = label as string
    if (labelMarkdown !== undefined) copy.labelMarkdown = labelMarkdown as string
    if (properties !== undefined) copy.properties = Object.freeze((properties as AnnotationProperty[]).map((p) => Object.freeze({ type: p.type })))
    if (categoryId !== undefined) copy.categoryId = categoryId as string
    return Object.freeze(copy)
  }))
}
