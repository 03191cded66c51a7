import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('figma.notify', () => {
  it('records the message cut to 100 characters and returns a cancel handle', () => {
    const fake = createFigmaFake()
    const dequeued: string[] = []
    const handle = fake.figma.notify('x'.repeat(150), { error: true, onDequeue: (reason) => dequeued.push(reason) })
    fake.figma.notify('short')
    expect(fake.notifications.map((n) => n.message)).toEqual(['x'.repeat(100), 'short'])
    expect(fake.notifications[0]!.options?.error).toBe(true)
    handle.cancel()
    handle.cancel()
    expect(fake.notifications[0]!.cancelled).toBe(true)
    expect(dequeued).toEqual(['dismiss'])
  })
})

describe('undo', () => {
  it('counts commitUndo checkpoints and triggerUndo requests', () => {
    const fake = createFigmaFake()
    fake.figma.commitUndo()
    fake.figma.commitUndo()
    fake.figma.triggerUndo()
    expect(fake.undoCheckpoints).toBe(2)
    expect(fake.undoTriggers).toBe(1)
  })
})

describe('node lookup', () => {
  it('getNodeByIdAsync finds nodes, pages and the document; null for unknown or removed ids', async () => {
    const { figma } = createFigmaFake()
    const frame = figma.createFrame()
    expect(await figma.getNodeByIdAsync(frame.id)).toBe(frame)
    expect(await figma.getNodeByIdAsync(figma.currentPage.id)).toBe(figma.currentPage)
    expect(await figma.getNodeByIdAsync('0:0')).toBe(figma.root)
    expect(await figma.getNodeByIdAsync('99:99')).toBeNull()
    frame.remove()
    expect(await figma.getNodeByIdAsync(frame.id)).toBeNull()
  })

  it('sync getNodeById throws under dynamic-page and works without it', () => {
    const dynamic = createFigmaFake()
    const frame = dynamic.figma.createFrame()
    expect(() => dynamic.figma.getNodeById(frame.id)).toThrow(/documentAccess: dynamic-page.*getNodeByIdAsync/)
    const legacy = createFigmaFake({ documentAccess: undefined })
    const node = legacy.figma.createFrame()
    expect(legacy.figma.getNodeById(node.id)).toBe(node)
  })

  it('without dynamic-page, currentPage is assignable and fires currentpagechange', async () => {
    const fake = createFigmaFake({ documentAccess: undefined })
    const other = fake.addPage('Other')
    let calls = 0
    fake.figma.on('currentpagechange', () => { calls++ })
    fake.figma.currentPage = other
    expect(fake.figma.currentPage).toBe(other)
    expect(other.children).toEqual([])
    await fake.flush()
    expect(calls).toBe(1)
  })

  it('under dynamic-page: currentPage is read-only, other pages need loading, document search needs loadAllPagesAsync', async () => {
    const fake = createFigmaFake()
    const other = fake.addPage('Other')
    fake.addFrame({ parent: other as unknown as BaseNode & ChildrenMixin })
    const { figma } = fake
    expect(() => { figma.currentPage = other }).toThrow(/setCurrentPageAsync/)
    expect(() => other.children).toThrow(/loadAsync/)
    expect(() => figma.root.findAll()).toThrow(/loadAllPagesAsync/)
    expect(figma.root.children).toEqual([figma.currentPage, other])
    await other.loadAsync()
    expect(other.children).toHaveLength(1)
    await figma.loadAllPagesAsync()
    expect(figma.root.findAll((n) => n.type === 'FRAME')).toHaveLength(1)
  })
})

describe('figma.viewport', () => {
  it('has center, zoom and derived bounds, and records scrollAndZoomIntoView', () => {
    const fake = createFigmaFake()
    const { viewport } = fake.figma
    expect(viewport.center).toEqual({ x: 0, y: 0 })
    expect(viewport.zoom).toBe(1)
    viewport.zoom = 2
    expect(viewport.bounds).toEqual({ x: -320, y: -200, width: 640, height: 400 })
    const a = fake.addFrame({ x: 1000, y: 0, width: 100, height: 100 })
    const b = fake.addFrame({ x: 1200, y: 100, width: 100, height: 100 })
    viewport.scrollAndZoomIntoView([a, b])
    expect(fake.scrolledIntoView).toEqual([[a, b]])
    expect(viewport.center).toEqual({ x: 1150, y: 100 })
    const bounds = viewport.bounds
    expect(bounds.x <= 1000 && bounds.x + bounds.width >= 1300 && bounds.y <= 0 && bounds.y + bounds.height >= 200).toBe(true)
    expect(() => { (viewport as { bounds: Rect }).bounds = bounds }).toThrow(TypeError)
  })
})

describe('figma.closePlugin', () => {
  it('records the message, closes the UI, and every further API access throws', () => {
    const fake = createFigmaFake()
    const { figma } = fake
    figma.showUI('x')
    const frame = figma.createFrame()
    const storage = figma.clientStorage
    figma.closePlugin('Placed 4 images')
    expect(fake.closed).toBe(true)
    expect(fake.closeMessage).toBe('Placed 4 images')
    expect(fake.ui.shown).toBe(false)
    expect(() => figma.currentPage).toThrow(/closed/)
    expect(() => figma.createFrame()).toThrow(/closed/)
    expect(() => figma.closePlugin()).toThrow(/closed/)
    expect(() => storage.getAsync('k')).toThrow(/closed/)
    expect(() => { frame.name = 'late' }).toThrow(/closed/)
    expect(() => frame.resize(10, 10)).toThrow(/closed/)
    // The document stays readable so tests can inspect what the plugin left.
    expect(frame.name).toBe('Frame')
    expect(fake.allNodes()).toEqual([frame])
  })

  it('leaves the harness able to read images and export after closing', async () => {
    const fake = createFigmaFake()
    const frame = fake.figma.createFrame()
    const image = fake.figma.createImage(await frame.exportAsync())
    fake.figma.closePlugin()
    expect(() => frame.exportAsync()).toThrow(/closed/)
    expect(fake.imageBytes(image.hash)).toEqual(await image.getBytesAsync())
    expect(fake.imageBytes('0'.repeat(40))).toBeNull()
    expect((await fake.exportNode(frame, { format: 'PNG', constraint: { type: 'SCALE', value: 2 } })).length).toBeGreaterThan(0)
  })

  it('closeByUser closes the way Figma does when the user cancels', () => {
    const fake = createFigmaFake()
    let closeEvents = 0
    fake.figma.on('close', () => { closeEvents++ })
    fake.closeByUser()
    expect(fake.closed).toBe(true)
    expect(fake.closeMessage).toBeUndefined()
    expect(closeEvents).toBe(1)
  })
})

describe('running the plugin again', () => {
  it('relaunch reopens the API on the same document and storage, without old listeners', async () => {
    const fake = createFigmaFake({ command: 'generate' })
    const frame = fake.figma.createFrame()
    frame.setPluginData('k', 'v')
    await fake.figma.clientStorage.setAsync('apiKey', 'secret')
    await fake.figma.loadFontAsync({ family: 'Inter', style: 'Regular' })
    let oldRuns = 0
    fake.figma.on('run', () => { oldRuns++ })
    fake.figma.showUI('x')
    fake.figma.closePlugin('bye')
    fake.relaunch({ command: 'regenerate' })
    expect(fake.closed).toBe(false)
    expect(fake.closeMessage).toBeUndefined()
    expect(fake.figma.command).toBe('regenerate')
    expect(fake.ui.shown).toBe(false)
    expect((await fake.figma.getNodeByIdAsync(frame.id) as FrameNode).getPluginData('k')).toBe('v')
    expect(await fake.figma.clientStorage.getAsync('apiKey')).toBe('secret')
    fake.runEvents.fire()
    expect(oldRuns).toBe(0)
    const text = fake.figma.createText()
    expect(() => { text.characters = 'x' }).toThrow(/unloaded font/)
  })

  it('asHost lets the harness read what the plugin may not', () => {
    const fake = createFigmaFake()
    const other = fake.addPage('Other')
    expect(() => other.children).toThrow(/loadAsync/)
    expect(fake.asHost(() => other.children)).toEqual([])
  })
})

describe('plugin-level properties', () => {
  it('reports editorType, command, apiVersion, a mixed symbol and the document root', () => {
    const { figma } = createFigmaFake({ editorType: 'figjam', command: 'regenerate' })
    expect(figma.editorType).toBe('figjam')
    expect(figma.command).toBe('regenerate')
    expect(figma.apiVersion).toBe('1.0.0')
    expect(typeof figma.mixed).toBe('symbol')
    expect(figma.mixed).toBe(figma.mixed)
    expect(() => { (figma as { apiVersion: string }).apiVersion = '2' }).toThrow(TypeError)
    expect(() => { (figma as unknown as Record<string, unknown>).notify = () => {} }).toThrow(TypeError)
    expect(figma.root.type).toBe('DOCUMENT')
    expect(figma.root.children.map((p) => p.name)).toEqual(['Page 1'])
    expect(createFigmaFake().figma.command).toBe('')
  })

  it('unimplemented members throw "not implemented in the fake"; unknown names are undefined', () => {
    const { figma } = createFigmaFake()
    expect(() => figma.createEllipse()).toThrow('not implemented in the fake: figma.createEllipse')
    expect(() => figma.util).toThrow('not implemented in the fake: figma.util')
    expect(() => figma.ui.getPosition()).toThrow(/no UI is open/)
    expect((figma as unknown as Record<string, unknown>).then).toBeUndefined()
  })

  it('base64Encode/base64Decode round-trip bytes', () => {
    const { figma } = createFigmaFake()
    const bytes = new Uint8Array([0, 1, 2, 250, 251, 252, 253])
    expect(figma.base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    expect(figma.base64Decode(figma.base64Encode(bytes))).toEqual(bytes)
  })

  it('createPage adds a page to the document', () => {
    const { figma } = createFigmaFake()
    const page = figma.createPage()
    expect(page.type).toBe('PAGE')
    expect(figma.root.children).toHaveLength(2)
  })
})

describe('figma.parameters', () => {
  it('input handlers answer through result, which fireParameterInput returns', () => {
    const fake = createFigmaFake()
    fake.figma.parameters.on('input', ({ key, query, result }) => {
      if (key === 'size') result.setSuggestions(['1024x1024', '1920x1080'].filter((s) => s.startsWith(query)))
      else result.setError('unknown key')
    })
    expect(fake.fireParameterInput({ key: 'size', query: '19', parameters: {} }).suggestions).toEqual(['1920x1080'])
    expect(fake.fireParameterInput({ key: 'other', query: '' }).error).toBe('unknown key')
  })
})
