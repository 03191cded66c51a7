import type { GenerationRecord } from '../common/generation-record'
import { annotationMarkdown, type ReferenceLabel } from './annotation-text'

// Puts the human-readable provenance on a generated image as a Figma annotation, in a category
// of the plugin's own, found by its label or made once per file.

export const ANNOTATION_CATEGORY = { label: 'Gen-4 Moodboard', color: 'violet' } as const

/** What a run needs to annotate its images: the category, and the sources by name. */
export interface RunAnnotation {
  categoryId: string
  references: ReferenceLabel[]
}

/** The plugin's category id, or null where annotations do not exist (FigJam) or fail. */
export async function annotationCategory(figma: PluginAPI): Promise<string | null> {
  if (figma.editorType !== 'figma' || !figma.annotations) return null
  try {
    const existing = (await figma.annotations.getAnnotationCategoriesAsync()).find((category) => category.label === ANNOTATION_CATEGORY.label)
    return (existing ?? (await figma.annotations.addAnnotationCategoryAsync(ANNOTATION_CATEGORY))).id
  } catch (error) {
    console.warn('annotation category unavailable:', error)
    return null
  }
}

export function annotate(node: RectangleNode, record: GenerationRecord, annotation: RunAnnotation): void {
  try {
    node.annotations = [{ labelMarkdown: annotationMarkdown(record, annotation.references), categoryId: annotation.categoryId }]
  } catch (error) {
    // Provenance for people is a courtesy: the image and its record are already in place.
    console.warn('annotation not written:', error)
  }
}
