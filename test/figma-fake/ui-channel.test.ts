import { describe, expect, it } from 'vitest'
import { createFigmaFake } from './index'

describe('figma.showUI', () => {
  it('defaults to 300×200, visible, without theme colours', () => {
    const fake = createFigmaFake()
    expect(fake.ui.shown).toBe(false)
    fake.figma.showUI('<p>ui</p>')
    expect(fake.ui.shown).toBe(true)
    expect(fake.ui.html).toBe('<p>ui</p>')
    expect(fake.ui.options).toMatchObject({ width: 300, height: 200, visible: true, themeColors: false })
  })

  it('keeps options, applies the 70 px minimum width, and a new showUI replaces the old UI', () => {
    const fake = createFigmaFake()
    fake.figma.showUI('a', { width: 10, height: 0, themeColors: true, visible: false, title: 'Gen-4' })
    expect(fake.ui.options).toMatchObject({ width: 70, height: 0, themeColors: true, visible: false, title: 'Gen-4' })
    fake.figma.ui.postMessage('for the first UI')
    fake.figma.showUI('b', { width: 400, height: 600 })
    expect(fake.ui.html).toBe('b')
    expect(fake.ui.options).toMatchObject({ width: 400, height: 600, visible: true })
    const received: unknown[] = []
    fake.ui.onMessageFromPlugin((m) => received.push(m))
    return fake.flush().then(() => expect(received).toEqual([]))
  })

  it('refuses unknown options', () => {
    const { figma } = createFigmaFake()
    expect(() => figma.showUI('x', { widht: 300 } as ShowUIOptions)).toThrow(/Unrecognized key.*'widht'/)
  })

  it('resize, show, hide and close change the window', () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    fake.figma.ui.resize(50, 700)
    expect(fake.ui.options).toMatchObject({ width: 70, height: 700 })
    fake.figma.ui.hide()
    expect(fake.ui.options?.visible).toBe(false)
    fake.figma.ui.show()
    expect(fake.ui.options?.visible).toBe(true)
    fake.figma.ui.close()
    expect(fake.ui.shown).toBe(false)
    expect(() => fake.figma.ui.postMessage('x')).toThrow(/no UI is open/)
  })
})

describe('plugin → UI messages', () => {
  it('are queued until the UI listens, then delivered in order, asynchronously', async () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    fake.figma.ui.postMessage({ type: 'hello', n: 1 })
    fake.figma.ui.postMessage({ type: 'hello', n: 2 })
    const received: unknown[] = []
    fake.ui.onMessageFromPlugin((m) => received.push(m))
    fake.figma.ui.postMessage({ type: 'hello', n: 3 })
    expect(received).toEqual([])
    await fake.flush()
    expect(received).toEqual([{ type: 'hello', n: 1 }, { type: 'hello', n: 2 }, { type: 'hello', n: 3 }])
    expect(fake.ui.sent).toEqual(received)
  })

  it('are delivered but not kept when the fake is told to keep none, as in a long host session', async () => {
    const fake = createFigmaFake({ keepSent: 'none' })
    fake.figma.showUI('x')
    const received: unknown[] = []
    fake.ui.onMessageFromPlugin((m) => received.push(m))
    fake.figma.ui.postMessage({ type: 'hello', image: new Uint8Array(8) })
    await fake.flush()
    expect(received).toEqual([{ type: 'hello', image: new Uint8Array(8) }])
    expect(fake.ui.sent).toEqual([])
  })

  it('are structured clones: later changes by the plugin are not seen, Uint8Array and Date survive', async () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    const received: unknown[] = []
    fake.ui.onMessageFromPlugin((m) => received.push(m))
    const message = { bytes: new Uint8Array([1, 2]), at: new Date(0), list: [1] }
    fake.figma.ui.postMessage(message)
    message.list.push(2)
    message.bytes[0] = 9
    await fake.flush()
    expect(received).toEqual([{ bytes: new Uint8Array([1, 2]), at: new Date(0), list: [1] }])
    expect(received[0]).not.toBe(message)
  })

  it('refuse ArrayBuffer, Blob and typed arrays other than Uint8Array', () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    expect(() => fake.figma.ui.postMessage({ data: new ArrayBuffer(8) })).toThrow(/ArrayBuffer \(at value.data\)/)
    expect(() => fake.figma.ui.postMessage(new Float32Array(2))).toThrow(/Float32Array/)
    expect(() => fake.figma.ui.postMessage(new Uint8ClampedArray(2))).toThrow(/Uint8ClampedArray/)
    expect(() => fake.figma.ui.postMessage(new Blob(['x']))).toThrow(/Blob/)
    expect(() => fake.figma.ui.postMessage({ f: () => 1 })).toThrow(/function/)
    expect(() => fake.figma.ui.postMessage({ node: fake.figma.createFrame() })).toThrow(/Figma node.*node.id/)
    expect(fake.ui.sent).toEqual([])
  })
})

describe('UI → plugin messages', () => {
  it('reach onmessage and on/once listeners asynchronously with the message and a null origin', async () => {
    const fake = createFigmaFake()
    const { figma } = fake
    figma.showUI('x')
    const seen: unknown[] = []
    figma.ui.onmessage = (msg, props) => seen.push(['onmessage', msg, props.origin])
    figma.ui.on('message', (msg) => seen.push(['on', msg]))
    figma.ui.once('message', (msg) => seen.push(['once', msg]))
    const message = { type: 'generate', bytes: new Uint8Array([5]) }
    fake.ui.postToPlugin(message)
    expect(seen).toEqual([])
    await fake.flush()
    fake.ui.postToPlugin({ type: 'second' })
    await fake.flush()
    expect(seen).toEqual([
      ['onmessage', { type: 'generate', bytes: new Uint8Array([5]) }, 'null'],
      ['on', { type: 'generate', bytes: new Uint8Array([5]) }],
      ['once', { type: 'generate', bytes: new Uint8Array([5]) }],
      ['onmessage', { type: 'second' }, 'null'],
      ['on', { type: 'second' }],
    ])
    expect((seen[0] as unknown[])[1]).not.toBe(message)
  })

  it('flush() waits for async handlers, so a request/reply round trip can be awaited', async () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    fake.figma.ui.onmessage = async (msg: { id: number }) => {
      const png = await fake.figma.createFrame().exportAsync()
      fake.figma.ui.postMessage({ id: msg.id, size: png.length })
    }
    const replies: unknown[] = []
    fake.ui.onMessageFromPlugin((m) => replies.push(m))
    fake.ui.postToPlugin({ id: 7 })
    await fake.flush()
    expect(replies).toEqual([{ id: 7, size: expect.any(Number) }])
  })

  it('off removes a listener; the UI cannot post ArrayBuffers either', async () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    const seen: unknown[] = []
    const listener = (msg: unknown): void => { seen.push(msg) }
    fake.figma.ui.on('message', listener)
    fake.figma.ui.off('message', listener)
    fake.ui.postToPlugin('x')
    await fake.flush()
    expect(seen).toEqual([])
    expect(() => fake.ui.postToPlugin({ buffer: new ArrayBuffer(1) })).toThrow(/ArrayBuffer/)
  })

  it('stop after closePlugin', async () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x')
    const seen: unknown[] = []
    fake.figma.ui.onmessage = (msg) => { seen.push(msg) }
    fake.ui.postToPlugin('late')
    fake.figma.closePlugin()
    await fake.flush()
    expect(seen).toEqual([])
    expect(fake.ui.shown).toBe(false)
  })
})

describe('figma.ui.getPosition and the viewport', () => {
  it('opens centred on the viewport and answers its corner in window and canvas space', () => {
    const fake = createFigmaFake()
    expect(() => fake.figma.ui.getPosition()).toThrow(/no UI is open/)
    fake.figma.showUI('x', { width: 360, height: 640 })
    expect(fake.figma.ui.getPosition()).toEqual({ windowSpace: { x: 460, y: 80 }, canvasSpace: { x: -180, y: -320 } })
  })

  it('stays put on screen while the view pans and zooms, so its canvas position follows the view', () => {
    const fake = createFigmaFake()
    fake.setScreen({ x: 0, y: 40, width: 1000, height: 600 })
    fake.figma.showUI('x', { width: 300, height: 400 })
    fake.moveWindow({ x: 680, y: 56 })
    fake.figma.viewport.center = { x: 2000, y: 1000 }
    fake.figma.viewport.zoom = 0.5
    expect(fake.figma.viewport.bounds).toEqual({ x: 1000, y: 400, width: 2000, height: 1200 })
    expect(fake.figma.ui.getPosition()).toEqual({ windowSpace: { x: 680, y: 56 }, canvasSpace: { x: 1000 + 680 * 2, y: 400 + 16 * 2 } })
    expect(fake.viewportMoves).toBe(2)
  })

  it('takes showUI position and reposition in canvas coordinates, clamped into the viewport', () => {
    const fake = createFigmaFake()
    fake.figma.showUI('x', { width: 300, height: 200, position: { x: 100, y: -100 } })
    expect(fake.figma.ui.getPosition()).toEqual({ windowSpace: { x: 740, y: 300 }, canvasSpace: { x: 100, y: -100 } })
    fake.figma.ui.reposition(5000, 5000)
    expect(fake.figma.ui.getPosition().windowSpace).toEqual({ x: 1280 - 300, y: 800 - 200 })
    expect(() => fake.figma.ui.reposition(Number.NaN, 0)).toThrow(TypeError)
  })
})
