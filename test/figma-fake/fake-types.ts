// The public shape of the fake: options and the test-facing handle (see index.ts).
import type { ParameterInputRecord } from './parameters'
import type { Rasterizer } from './rasterizer'
import type { NotificationRecord } from './state'
import type { UiOptionsState } from './ui-channel'

export interface FakeOptions {
  editorType?: 'figma' | 'figjam'
  // Default 'dynamic-page' (as the project's manifest); pass `documentAccess: undefined`
  // explicitly for a legacy plugin with the whole document loaded.
  documentAccess?: 'dynamic-page' | undefined
  rasterizer?: Rasterizer
  command?: string
  fetchImage?: (url: string) => Promise<Uint8Array>
  pluginId?: string
  // Entries already in clientStorage when the plugin starts (e.g. a saved API key).
  clientStorage?: Record<string, unknown>
  // What happens to an exception thrown by a plugin or UI callback the fake calls: 'throw'
  // (default) re-throws it so the test run reports it; 'record' only adds it to `errors`.
  callbackErrors?: 'throw' | 'record'
  // What `ui.sent` keeps of each message the plugin posts to its UI: a copy ('all', default,
  // for tests that read them) or nothing ('none'). Figma keeps none; a long session in the
  // browser host would otherwise hold every exported frame it ever posted.
  keepSent?: 'all' | 'none'
}

export interface FigmaFake {
  figma: PluginAPI
  ui: {
    readonly shown: boolean
    readonly options: UiOptionsState | undefined
    readonly html: string | undefined
    postToPlugin(message: unknown): void
    onMessageFromPlugin(callback: (message: unknown) => void): () => void
    readonly sent: unknown[]
  }
  notifications: NotificationRecord[]
  readonly undoCheckpoints: number
  readonly undoTriggers: number
  readonly closed: boolean
  readonly closeMessage: string | undefined
  runEvents: {
    // Fires figma.on('run') handlers now, as Figma does at launch. `command` also becomes
    // figma.command.
    fire(event?: { command?: string; parameters?: ParameterValues }): void
    readonly fired: RunEvent[]
  }
  fireParameterInput(input: { key: string; query: string; parameters?: ParameterValues }): ParameterInputRecord
  readonly page: PageNode
  addFrame(props?: FrameProps): FrameNode
  addPage(name?: string): PageNode
  select(nodes: SceneNode[]): void
  allNodes(): SceneNode[]
  storageBytes(): number
  // Every scrollAndZoomIntoView call, in order.
  readonly scrolledIntoView: ReadonlyArray<ReadonlyArray<BaseNode>>
  // How many times the plugin set figma.viewport.center or .zoom.
  readonly viewportMoves: number
  // Where the canvas area is drawn in the Figma window (pixels): viewport.bounds and the
  // plugin window's canvas position follow it. Default 1280×800 at the origin.
  setScreen(rect: { x: number; y: number; width: number; height: number }): void
  // The person dragging the plugin window: its top-left corner, in window space.
  moveWindow(windowSpace: Vector): void
  // Exceptions thrown by plugin or UI callbacks the fake invoked.
  readonly errors: unknown[]
  // Bytes of an image in the document's image store (null if unknown). Works after
  // closePlugin, when figma.getImageByHash no longer does.
  imageBytes(hash: string): Uint8Array | null
  // exportAsync as the test harness: works after closePlugin and on pages the plugin has not
  // loaded, with the same sizing and rasterizer.
  exportNode(node: SceneNode | PageNode, settings?: ExportSettings): Promise<Uint8Array>
  // Runs test-harness work that must not count as plugin calls: setting up or reading the
  // document after closePlugin or on pages the plugin has not loaded.
  asHost<T>(work: () => T): T
  // Runs the plugin again on the same document and clientStorage (closing a running one
  // first): the API opens again with no listeners, no UI and nothing loaded.
  relaunch(options?: { command?: string }): void
  // The user closing the plugin (Figma then calls closePlugin itself).
  closeByUser(): void
  // Resolves when every queued delivery (messages, selectionchange, ...) has run.
  flush(): Promise<void>
}

export interface FrameProps {
  name?: string
  x?: number
  y?: number
  width?: number
  height?: number
  fill?: RGB
  parent?: BaseNode & ChildrenMixin
}
