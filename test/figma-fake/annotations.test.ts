import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('annotations and their categories', () => {
  it('adds categories to the file, finds them by id, and keeps them across a relaunch', async () => {
    const fake = createFigmaFake()
    const { annotations } = fake.figma
    expect(await annotations.getAnnotationCategoriesAsync()).toEqual([])
    const made = await annotations.addAnnotationCategoryAsync({ label: 'Generated', color: 'violet' })
    expect(made).toMatchObject({ label: 'Generated', color: 'violet', isPreset: false })
    expect(await annotations.getAnnotationCategoryByIdAsync(made.id)).toBe(made)
    expect(await annotations.getAnnotationCategoryByIdAsync('nope')).toBeNull()
    fake.relaunch()
    expect((await fake.figma.annotations.getAnnotationCategoriesAsync()).map((c) => c.label)).toEqual(['Generated'])
    await expect(annotations.addAnnotationCategoryAsync({ label: '', color: 'violet' })).rejects.toThrow(/label/)
    await expect(annotations.addAnnotationCategoryAsync({ label: 'x', color: 'purple' as AnnotationCategoryColor })).rejects.toThrow(/color/)
  })

  it('sets annotations on rectangles, frames and text, with a categoryId that exists', async () => {
    const fake = createFigmaFake()
    const category = await fake.figma.annotations.addAnnotationCategoryAsync({ label: 'Generated', color: 'blue' })
    const rect = fake.figma.createRectangle()
    rect.annotations = [{ labelMarkdown: '**Prompt** dunes', categoryId: category.id }]
    expect(rect.annotations).toEqual([{ labelMarkdown: '**Prompt** dunes', categoryId: category.id }])
    expect(Object.isFrozen(rect.annotations)).toBe(true)
    fake.figma.createFrame().annotations = [{ label: 'a frame', properties: [{ type: 'width' }] }]
    fake.figma.createText().annotations = [{ label: 'a text' }]
    expect(() => (rect.annotations = [{ label: 'x', categoryId: 'missing' }])).toThrow(/category/)
    expect(() => (rect.annotations = [{ label: 3 as unknown as string }])).toThrow(/label/)
    expect(() => (rect.annotations = [{ properties: [{ type: 'colour' as AnnotationPropertyType }] }])).toThrow(/property/)
    expect(() => (rect.annotations = [{ note: 'x' } as Annotation])).toThrow(/Unrecognized key/)
    expect(() => (rect.annotations = 'x' as unknown as Annotation[])).toThrow(/array/)
  })

  it('has no annotations on sections, and no figma.annotations on a FigJam board', () => {
    const fake = createFigmaFake()
    const section = fake.figma.createSection()
    expect((section as unknown as { annotations?: unknown }).annotations).toBeUndefined()
    expect(() => ((section as unknown as { annotations: unknown }).annotations = [])).toThrow(TypeError)
    expect(createFigmaFake({ editorType: 'figjam' }).figma.annotations).toBeUndefined()
  })
})
