// The `figma` object: the implemented subset of PluginAPI. Members Figma declares but the
// fake lacks throw "not implemented in the fake" through the guard (guard.ts).
// Each rule is stated where it is applied (images, notify, undo, events, lookups, closing);
// docs/figma.md lists the documented behaviour with its sources.
import { base64Decode, base64Encode } from './base64'
import { dynamicPageError, rejectUnknownKeys } from './errors'
import { createImageFromUrl } from './images'
import { createGroupNode, createPageNode, createSceneNode } from './nodes'
import { fontKey } from './node-text'
import type { FakeContext } from './context'
import type { ClientStorage } from './client-storage'
import type { FakeState } from './state'
import type { PageImpl } from './node-page'

// The message is limited to 100 characters; longer text is cut.
export const NOTIFY_LIMIT = 100
const NOTIFY_KEYS = ['timeout', 'error', 'onDequeue', 'button']

export class PluginApiImpl {
  readonly _mixed = Symbol('figma.mixed')
  _skipInvisibleInstanceChildren = false

  constructor(readonly _ctx: FakeContext, readonly _state: FakeState, readonly _annotations: AnnotationsAPI) {}

  // Getters rather than fields, so the guard can keep them read-only.
  get apiVersion(): '1.0.0' { return '1.0.0' }
  get mode(): 'default' { return 'default' }
  get fileKey(): undefined { return undefined }
  get hasMissingFont(): boolean { return false }
  get mixed(): symbol { return this._mixed }

  get command(): string { return this._state.command }
  get editorType(): 'figma' | 'figjam' { return this._state.editorType }
  get pluginId(): string { return this._ctx.pluginId }
  get viewport(): ViewportAPI { return this._state.viewport as unknown as ViewportAPI }
  get ui(): UIAPI { return this._state.pluginUi as unknown as UIAPI }
  get clientStorage(): ClientStorage { return this._state.clientStorage }
  // Documented for Figma design and Dev Mode only: a FigJam board has none here.
  get annotations(): AnnotationsAPI | undefined { return this._state.editorType === 'figjam' ? undefined : this._annotations }
  get parameters(): ParametersAPI { return this._state.parameters }
  get root(): DocumentNode { return this._ctx.document as unknown as DocumentNode }

  get skipInvisibleInstanceChildren(): boolean { return this._skipInvisibleInstanceChildren }
  set skipInvisibleInstanceChildren(value: boolean) { this._skipInvisibleInstanceChildren = value === true }

  get currentPage(): PageNode { return this._ctx.currentPage as unknown as PageNode }
  // Read-only under dynamic-page; use setCurrentPageAsync.
  set currentPage(page: PageNode) {
    if (this._ctx.dynamicPage) throw dynamicPageError('set_currentPage', 'figma.setCurrentPageAsync')
    this._switchPage(page)
  }

  async setCurrentPageAsync(page: PageNode): Promise<void> {
    this._switchPage(page)
  }

  _switchPage(page: PageNode): void {
    const target = page as unknown as PageImpl
    if (!this._ctx.document._children.includes(target)) throw new TypeError('in setCurrentPageAsync: Expected a page of this document')
    target._loaded = true
    if (target === this._ctx.currentPage) return
    this._ctx.currentPage = target
    this._state.events.pageChanged()
  }

  async loadAllPagesAsync(): Promise<void> {
    this._ctx.allPagesLoaded = true
  }

  // The async lookup answers null for unknown or removed nodes.
  async getNodeByIdAsync(id: string): Promise<BaseNode | null> {
    return this._lookup(id)
  }

  getNodeById(id: string): BaseNode | null {
    if (this._ctx.dynamicPage) throw dynamicPageError('getNodeById', 'figma.getNodeByIdAsync')
    return this._lookup(id)
  }

  _lookup(id: unknown): BaseNode | null {
    if (typeof id !== 'string') throw new TypeError('in getNodeByIdAsync: Expected id to be a string')
    const node = this._ctx.registry.get(id)
    return node && !node._removed ? (node as unknown as BaseNode) : null
  }

  createFrame(): FrameNode { return createSceneNode(this._ctx, 'FRAME') as unknown as FrameNode }
  createRectangle(): RectangleNode { return createSceneNode(this._ctx, 'RECTANGLE') as unknown as RectangleNode }
  createSection(): SectionNode { return createSceneNode(this._ctx, 'SECTION') as unknown as SectionNode }
  createText(): TextNode { return createSceneNode(this._ctx, 'TEXT') as unknown as TextNode }
  group(nodes: ReadonlyArray<BaseNode>, parent: BaseNode & ChildrenMixin, index?: number): GroupNode {
    return createGroupNode(this._ctx, nodes, parent, index) as unknown as GroupNode
  }
  createPage(): PageNode {
    const page = createPageNode(this._ctx, `Page ${this._ctx.document._children.length + 1}`)
    return page as unknown as PageNode
  }

  async loadFontAsync(font: FontName): Promise<void> {
    if (typeof font?.family !== 'string' || typeof font?.style !== 'string') throw new TypeError('in loadFontAsync: Expected { family, style }')
    this._ctx.loadedFonts.add(fontKey(font))
  }

  createImage(data: Uint8Array): Image { return this._ctx.images.add(data) }
  createImageAsync(src: string): Promise<Image> { return createImageFromUrl(this._ctx.images, src, this._state.fetchImage) }
  getImageByHash(hash: string): Image | null { return this._ctx.images.image(hash) }

  base64Encode(data: Uint8Array): string { return base64Encode(data) }
  base64Decode(data: string): Uint8Array { return base64Decode(data) }

  showUI(html: string, options?: ShowUIOptions): void { this._state.ui.show(html, options) }

  notify(message: string, options?: NotificationOptions): NotificationHandler {
    if (typeof message !== 'string') throw new TypeError('in notify: Expected message to be a string')
    if (options !== undefined) rejectUnknownKeys('notify', options, NOTIFY_KEYS)
    const entry = { message: Array.from(message).slice(0, NOTIFY_LIMIT).join(''), options, cancelled: false }
    this._state.notifications.push(entry)
    return {
      cancel: () => {
        if (entry.cancelled) return
        entry.cancelled = true
        options?.onDequeue?.('dismiss')
      },
    }
  }

  // Each commitUndo() is a checkpoint; the fake counts them.
  commitUndo(): void { this._state.undoCheckpoints++ }
  // The fake records the request but does not revert anything.
  triggerUndo(): void { this._state.undoTriggers++ }

  on(type: string, callback: (...args: unknown[]) => unknown): void { this._state.events.emitter(type).on(callback) }
  once(type: string, callback: (...args: unknown[]) => unknown): void { this._state.events.emitter(type).once(callback) }
  off(type: string, callback: (...args: unknown[]) => unknown): void { this._state.events.emitter(type).off(callback) }

  // Closes the UI, runs 'close' callbacks, then disables the API.
  closePlugin(message?: string): void {
    if (message !== undefined && typeof message !== 'string') throw new TypeError('in closePlugin: Expected message to be a string')
    if (this._state.closing) return
    this._state.closing = true
    this._state.events.emitNow('close')
    this._state.ui.close()
    this._ctx.closed = true
    this._state.closeMessage = message
  }
}
