import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('selection', () => {
  it('returns a fresh read-only array on every read; assigning replaces it', () => {
    const fake = createFigmaFake()
    const frame = fake.addFrame({})
    const page = fake.figma.currentPage
    page.selection = [frame]
    const first = page.selection
    expect(first).toEqual([frame])
    expect(first).not.toBe(page.selection)
    expect(() => (first as SceneNode[]).push(frame)).toThrow(TypeError)
  })

  it('keeps only nodes of that page, de-duplicated, without descendants of selected nodes', () => {
    const fake = createFigmaFake()
    const frame = fake.addFrame({})
    const child = fake.addFrame({ parent: frame })
    const page = fake.figma.currentPage
    page.selection = [child, frame, frame]
    expect(page.selection).toEqual([frame])
    const other = fake.addPage('Other')
    const elsewhere = fake.addFrame({ parent: other as unknown as BaseNode & ChildrenMixin })
    expect(() => { page.selection = [elsewhere] }).toThrow(/not on page/)
  })

  it('fires selectionchange asynchronously, once for several changes in one turn', async () => {
    const fake = createFigmaFake()
    const [a, b] = [fake.addFrame({}), fake.addFrame({})]
    let calls = 0
    fake.figma.on('selectionchange', () => { calls++ })
    fake.figma.currentPage.selection = [a]
    fake.select([b])
    expect(calls).toBe(0)
    await fake.flush()
    expect(calls).toBe(1)
    fake.select([b])
    await fake.flush()
    expect(calls).toBe(1) // unchanged selection, no event
  })

  it('removing a selected node updates the selection and fires selectionchange', async () => {
    const fake = createFigmaFake()
    const frame = fake.addFrame({})
    fake.select([frame])
    await fake.flush()
    let calls = 0
    fake.figma.on('selectionchange', () => { calls++ })
    frame.remove()
    expect(fake.figma.currentPage.selection).toEqual([])
    await fake.flush()
    expect(calls).toBe(1)
  })

  it('off and once behave like Figma\'s listener lists', async () => {
    const fake = createFigmaFake()
    const seen: string[] = []
    const listener = (): void => { seen.push('on') }
    fake.figma.on('selectionchange', listener)
    fake.figma.once('selectionchange', () => { seen.push('once') })
    fake.select([fake.addFrame({})])
    await fake.flush()
    fake.figma.off('selectionchange', listener)
    fake.select([fake.addFrame({})])
    await fake.flush()
    expect(seen).toEqual(['on', 'once'])
  })
})

describe('run, close, currentpagechange', () => {
  it('runEvents.fire calls run handlers with { command, parameters }', () => {
    const fake = createFigmaFake({ command: 'generate' })
    const runs: RunEvent[] = []
    fake.figma.on('run', (event) => { runs.push(event) })
    fake.runEvents.fire()
    fake.runEvents.fire({ command: 'regenerate', parameters: { prompt: 'sky' } })
    expect(runs).toEqual([{ command: 'generate', parameters: undefined }, { command: 'regenerate', parameters: { prompt: 'sky' } }])
    expect(fake.figma.command).toBe('regenerate')
    expect(fake.runEvents.fired).toHaveLength(2)
  })

  it('close handlers run synchronously inside closePlugin', () => {
    const fake = createFigmaFake()
    const order: string[] = []
    fake.figma.on('close', () => { order.push(`close, closed=${fake.closed}`) })
    fake.figma.closePlugin('Done')
    order.push('after')
    expect(order).toEqual(['close, closed=false', 'after'])
  })

  it('setCurrentPageAsync switches page and fires currentpagechange asynchronously', async () => {
    const fake = createFigmaFake()
    const other = fake.addPage('Moodboard 2')
    let calls = 0
    fake.figma.on('currentpagechange', () => { calls++ })
    await fake.figma.setCurrentPageAsync(other)
    expect(fake.figma.currentPage).toBe(other)
    expect(fake.page).toBe(other)
    expect(calls).toBe(0)
    await fake.flush()
    expect(calls).toBe(1)
  })

  it('events the fake does not model throw "not implemented"; unknown ones are refused', () => {
    const { figma } = createFigmaFake()
    expect(() => figma.on('documentchange', () => {})).toThrow("not implemented in the fake: figma.on('documentchange')")
    expect(() => figma.on('nonsense' as 'close', () => {})).toThrow(/unknown event type/)
  })

  it('a throwing callback is reported, not swallowed', async () => {
    const fake = createFigmaFake({ callbackErrors: 'record' })
    fake.figma.on('selectionchange', () => { throw new Error('boom') })
    fake.select([fake.addFrame({})])
    await fake.flush()
    expect(fake.errors).toEqual([new Error('boom')])
    const strict = createFigmaFake()
    strict.figma.on('run', () => { throw new Error('run failed') })
    expect(() => strict.runEvents.fire()).toThrow('run failed')
  })
})
