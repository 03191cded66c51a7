import { describe, expect, it } from 'vitest'

import { API_KEY_STORAGE_KEY } from '../../src/common/storage-keys'
import { ANNOTATION_CATEGORY } from '../../src/records/annotate'
import { annotationMarkdown } from '../../src/records/annotation-text'
import { readySandbox } from './harness'
import { endRun, nodeById, place, plan, recordFor, startRun } from './run-fixtures'

// Each generated image tells teammates where it came from in a Figma annotation, in the
// plugin's own category, unless the designer switched annotations off.

describe('annotationMarkdown', () => {
  it('gives prompt, references (with tags), size, model, seed, cost and date, with Markdown characters taken literally', () => {
    const run = plan({ referenceNodeIds: ['1:2'], prompt: 'dunes *at* dusk_2 [wide]' })
    const text = annotationMarkdown(recordFor(run, 0), [{ name: 'Desktop' }, { name: 'Phone', tag: 'palette' }])
    expect(text.split('\n')).toEqual([
      '**Prompt** dunes \\*at\\* dusk\\_2 \\[wide\\]',
      '**References** Desktop, Phone (palette)',
      '**Size** 1024×1024 · **Model** runway:4@2 · **Seed** 1000 · **Cost** $0.02',
      '**Made** 2025-06-01 12:00 UTC',
    ])
    const bare = annotationMarkdown({ ...recordFor(run, 0), seed: undefined, cost: 0.0035 }, [])
    expect(bare).not.toContain('References')
    expect(bare).not.toContain('Seed')
    expect(bare).toContain('**Cost** $0.0035')
  })
})

describe('annotations on generated images', () => {
  it('annotates every placed image in one category of the plugin, made once and reused', async () => {
    const sandbox = await readySandbox()
    const source = sandbox.fake.addFrame({ name: 'Desktop', width: 1440, height: 1024 })
    const nodes: SceneNode[] = []
    for (const runId of ['a', 'b']) {
      const run = plan({ runId, referenceNodeIds: [source.id], count: 2 })
      const started = await startRun(sandbox, run)
      for (const index of [0, 1]) await place(sandbox, run, index)
      await endRun(sandbox, run)
      for (const id of started.slotNodeIds) nodes.push(await nodeById(sandbox, id))
    }
    const categories = await sandbox.figma.annotations.getAnnotationCategoriesAsync()
    expect(categories.map((c) => [c.label, c.color])).toEqual([[ANNOTATION_CATEGORY.label, ANNOTATION_CATEGORY.color]])
    for (const node of nodes) {
      const annotations = (node as RectangleNode).annotations
      expect(annotations).toHaveLength(1)
      expect(annotations[0]!.categoryId).toBe(categories[0]!.id)
      expect(annotations[0]!.labelMarkdown).toContain('**Prompt** a foggy harbour at dawn')
      expect(annotations[0]!.labelMarkdown).toContain('**References** Desktop')
      expect(annotations[0]!.labelMarkdown).toContain('**Model** runway:4@2')
    }
  })

  it('reuses a category of that name already in the file', async () => {
    const sandbox = await readySandbox()
    const existing = await sandbox.fake.asHost(() => sandbox.figma.annotations.addAnnotationCategoryAsync({ ...ANNOTATION_CATEGORY, color: 'teal' }))
    const source = sandbox.fake.addFrame({ name: 'Tile', width: 1080, height: 1080 })
    const run = plan({ referenceNodeIds: [source.id] })
    const started = await startRun(sandbox, run)
    await place(sandbox, run, 0)
    const node = await nodeById<RectangleNode>(sandbox, started.slotNodeIds[0]!)
    expect(node.annotations[0]!.categoryId).toBe(existing.id)
    expect(await sandbox.figma.annotations.getAnnotationCategoriesAsync()).toHaveLength(1)
  })

  it('writes none when switched off, and none on a FigJam board, where the run still lands', async () => {
    for (const setup of [{ options: {}, annotations: false }, { options: { editorType: 'figjam' as const }, annotations: true }]) {
      const sandbox = await readySandbox(setup.options)
      const source = sandbox.fake.addFrame({ name: 'Phone', width: 390, height: 844 })
      const run = plan({ referenceNodeIds: [source.id], annotations: setup.annotations })
      const started = await startRun(sandbox, run)
      expect((await place(sandbox, run, 0)).type).toBe('result-placed')
      const node = await nodeById<RectangleNode>(sandbox, started.slotNodeIds[0]!)
      expect(node.annotations).toEqual([])
    }
  })

  it('hides a pasted API key in the annotation as everywhere else', async () => {
    const secret = 'rw-SECRET-0123456789abcdef'
    const sandbox = await readySandbox({ clientStorage: { [API_KEY_STORAGE_KEY]: secret } })
    // a prompt holding the key never starts a run; a reference's layer name is another way in
    const source = sandbox.fake.addFrame({ name: `Desktop ${secret}`, width: 1440, height: 1024 })
    const run = plan({ referenceNodeIds: [source.id], prompt: 'harbour' })
    const started = await startRun(sandbox, run)
    await place(sandbox, run, 0)
    const node = await nodeById<RectangleNode>(sandbox, started.slotNodeIds[0]!)
    expect(node.annotations[0]!.labelMarkdown).toContain('Desktop \\[api key\\]')
    expect(node.annotations[0]!.labelMarkdown).not.toContain(secret)
  })
})
