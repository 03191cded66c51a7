// An in-memory fake of the Figma plugin API for tests, typed against @figma/plugin-typings.
// It reproduces Figma's documented behaviour (docs/figma.md) and is
// environment-neutral: no Node modules here, so the same
// code runs under vitest and, bundled, in the browser host page. Node-only helpers live in
// node-rasterizer.ts.
import { AnnotationsApiImpl } from './annotations'
import { ClientStorage } from './client-storage'
import { asHost, type FakeContext } from './context'
import { defaultRasterizer } from './default-rasterizer'
import { guardApi } from './guard'
import { ImageStore } from './images'
import {
  ANNOTATIONS_API_MEMBERS, CLIENT_STORAGE_API_MEMBERS, PARAMETERS_API_MEMBERS, PLUGIN_API_MEMBERS, UI_API_MEMBERS, VIEWPORT_API_MEMBERS,
} from './known-api-members'
import { NodeIds } from './node-ids'
import { allSceneNodes, createDocumentNode, createPageNode, createSceneNode } from './nodes'
import { solid } from './paints'
import { ParametersImpl } from './parameters'
import { PluginApiImpl } from './plugin-api'
import { PluginEvents } from './plugin-events'
import { relaunch } from './relaunch'
import { Scheduler } from './schedule'
import type { FakeState } from './state'
import { PluginUi, UiChannel } from './ui-channel'
import { ViewportImpl } from './viewport'
import type { FakeOptions, FigmaFake } from './fake-types'
import type { Container } from './node-base'
import type { PageImpl } from './node-page'

export type { Rasterizer, RasterContext, RasterRequest } from './rasterizer'
export type { NotificationRecord } from './state'
export type { ParameterInputRecord } from './parameters'
export { readImageInfo, type ImageInfo, type ImageFormat } from './image-info'
export { encodePng } from './png-encode'
export { defaultRasterizer } from './default-rasterizer'
export { NotImplementedInFakeError } from './errors'
export type { FakeOptions, FigmaFake, FrameProps } from './fake-types'

export function createFigmaFake(options: FakeOptions = {}): FigmaFake {
  const errors: unknown[] = []
  const scheduler = new Scheduler((error) => {
    errors.push(error)
    if (options.callbackErrors !== 'record') throw error
  })
  const ctx = {
    ids: new NodeIds(), scheduler, images: new ImageStore(), pluginId: options.pluginId ?? 'fake-plugin-id',
    dynamicPage: 'documentAccess' in options ? options.documentAccess === 'dynamic-page' : true,
    loadedFonts: new Set<string>(), registry: new Map(), rasterizer: options.rasterizer ?? defaultRasterizer,
    allPagesLoaded: false, closed: false, hostDepth: 0, annotationCategories: new Map(),
    selectionChanged: (page: PageImpl) => { if (page === ctx.currentPage) state.events.selectionChanged() },
  } as Omit<FakeContext, 'document' | 'currentPage'> as FakeContext
  ctx.document = createDocumentNode(ctx, 'Untitled')
  ctx.currentPage = createPageNode(ctx, 'Page 1')
  ctx.currentPage._loaded = true

  const clientStorage = guardApi(new ClientStorage(ctx), new Set(CLIENT_STORAGE_API_MEMBERS), 'figma.clientStorage')
  const viewportImpl = new ViewportImpl(ctx)
  const viewport = guardApi(viewportImpl, new Set(VIEWPORT_API_MEMBERS), 'figma.viewport')
  const ui = new UiChannel(ctx, viewportImpl)
  ui.keepSent = options.keepSent ?? 'all'
  const state: FakeState = {
    command: options.command ?? '',
    editorType: options.editorType ?? 'figma',
    fetchImage: options.fetchImage ?? (async (url) => { throw new Error(`figma fake: createImageAsync(${url}) needs a fetchImage option`) }),
    ui,
    pluginUi: guardApi(new PluginUi(ctx, ui), new Set(UI_API_MEMBERS), 'figma.ui'),
    viewport,
    clientStorage,
    parameters: guardApi(new ParametersImpl(ctx), new Set(PARAMETERS_API_MEMBERS), 'figma.parameters'),
    events: new PluginEvents(ctx),
    notifications: [],
    undoCheckpoints: 0,
    undoTriggers: 0,
    closing: false,
    closeMessage: undefined,
  }
  for (const [key, value] of Object.entries(options.clientStorage ?? {})) clientStorage._put(key, value)
  const api = new PluginApiImpl(ctx, state, guardApi(new AnnotationsApiImpl(ctx), new Set(ANNOTATIONS_API_MEMBERS), 'figma.annotations'))
  const figma = guardApi(api, new Set(PLUGIN_API_MEMBERS), 'figma') as unknown as PluginAPI
  const fired: RunEvent[] = []

  return {
    figma,
    ui: {
      get shown() { return ui.shown },
      get options() { return ui.options },
      get html() { return ui.html },
      postToPlugin: (message) => ui.postToPlugin(message),
      onMessageFromPlugin: (callback) => ui.onMessageFromPlugin(callback),
      sent: ui.sent,
    },
    notifications: state.notifications,
    get undoCheckpoints() { return state.undoCheckpoints },
    get undoTriggers() { return state.undoTriggers },
    get closed() { return ctx.closed },
    get closeMessage() { return state.closeMessage },
    runEvents: {
      fire(event = {}) {
        if (ctx.closed) throw new Error('figma fake: cannot fire run: the plugin has been closed')
        if (event.command !== undefined) state.command = event.command
        const run: RunEvent = { command: state.command, parameters: event.parameters }
        fired.push(run)
        state.events.emitNow('run', run)
      },
      fired,
    },
    fireParameterInput: (input) => (state.parameters as ParametersImpl)._fire(input),
    get page() { return ctx.currentPage as unknown as PageNode },
    addFrame: (props = {}) => asHost(ctx, () => {
      const frame = createSceneNode(ctx, 'FRAME', (props.parent as unknown as Container | undefined) ?? ctx.currentPage)
      if (props.name !== undefined) frame.name = props.name
      frame.x = props.x ?? 0
      frame.y = props.y ?? 0
      frame.resize(props.width ?? 100, props.height ?? 100)
      if (props.fill) frame._fills = Object.freeze([solid(props.fill.r, props.fill.g, props.fill.b)])
      return frame as unknown as FrameNode
    }),
    addPage: (name) => asHost(ctx, () => {
      const page = createPageNode(ctx, name ?? `Page ${ctx.document._children.length + 1}`)
      return page as unknown as PageNode
    }),
    select: (nodes) => asHost(ctx, () => { ctx.currentPage.selection = nodes }),
    allNodes: () => allSceneNodes(ctx),
    storageBytes: () => clientStorage._bytes(),
    get scrolledIntoView() { return viewport._scrolls },
    get viewportMoves() { return viewportImpl._moves },
    setScreen: (rect) => { viewportImpl._screen = { ...rect } },
    moveWindow: (windowSpace) => { ui.windowPosition = { x: windowSpace.x, y: windowSpace.y } },
    errors,
    imageBytes: (hash) => {
      const bytes = ctx.images.get(hash)?.bytes
      return bytes ? new Uint8Array(bytes) : null
    },
    exportNode: (node, settings) => asHost(ctx, () => (node as SceneNode).exportAsync(settings)),
    asHost: (work) => asHost(ctx, work),
    relaunch: (options = {}) => relaunch(ctx, state, () => api.closePlugin(), options.command),
    // Plugin code runs in the 'close' callbacks, so this is not host work.
    closeByUser: () => api.closePlugin(),
    flush: () => scheduler.idle(),
  }
}
