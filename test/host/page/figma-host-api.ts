// window.figmaHost: the document and the plugin's effects, for tests (and curious people in
// the devtools console). Everything returned is plain data, so page.evaluate can carry it.
import { readImageInfo, type ImageInfo } from '../../figma-fake/index'
import type { CanvasView } from './canvas-view'
import { dumpDocument, type DumpedNode } from './document-dump'
import { asHostOf } from './fake-access'
import type { HostController } from './host-controller'

export interface HostNotification {
  message: string
  error: boolean
  timeout?: number
  cancelled: boolean
}

export interface HostUiState {
  shown: boolean
  visible: boolean
  width: number
  height: number
  title: string | null
}

export interface FigmaHostApi {
  /** True once the document is drawn and the plugin's first run has started. */
  ready: boolean
  dump(): DumpedNode[]
  /** Selects nodes by id or exact name (every one must exist); returns their ids. */
  select(namesOrIds: string | string[]): string[]
  selection(): string[]
  /** Closes the plugin and runs it again on the same document and clientStorage. */
  reloadPlugin(): Promise<void>
  /** Runs the plugin again as a relaunch button or Quick Actions would: another command, maybe parameters. */
  relaunch(command: string, parameters?: Record<string, string>): Promise<void>
  /** The message the plugin passed to closePlugin, if it closed itself. */
  closeMessage(): string | null
  /** The person deletes these nodes (by id). */
  removeNodes(ids: string[]): void
  /** The person closes the plugin window. */
  closePlugin(): void
  pluginRunning(): boolean
  runs(): number
  notifications(): HostNotification[]
  imageInfo(hash: string): Promise<(ImageInfo & { byteLength: number }) | null>
  undoCheckpoints(): number
  /** Messages Figma would refuse (e.g. an ArrayBuffer); they were dropped. */
  violations(): string[]
  /** Errors thrown by the plugin's code or callbacks. */
  errors(): string[]
  ui(): HostUiState
  /** Types of the messages the plugin has sent to its UI, in order. */
  sentToUi(): string[]
  /** Types of the messages the UI has sent the plugin, in order. */
  sentToPlugin(): string[]
  fitAll(): void
  /** figma.viewport as the plugin reads it, and the plugin window as drawn, in canvas space (null when hidden). */
  view(): { bounds: Rect; zoom: number; window: Rect | null }
  /** Bench hook: a frame filled with an image (base64 PNG/JPEG), e.g. a photo-heavy 1920×1080 board. */
  addImageFrame(spec: { name: string; x: number; y: number; width: number; height: number; imageBase64: string }): string
}

declare global {
  interface Window {
    figmaHost: FigmaHostApi
  }
}

export function createFigmaHostApi(host: HostController, view: CanvasView): FigmaHostApi {
  const { fake } = host
  return {
    ready: false,
    dump: () => asHostOf(fake, () => dumpDocument(fake.figma)),
    view: () => asHostOf(fake, () => {
      const { bounds, zoom } = fake.figma.viewport
      const drawn = document.getElementById('plugin-window')
      const canvas = document.getElementById('canvas')!.getBoundingClientRect()
      if (!drawn || drawn.hidden) return { bounds, zoom, window: null }
      const r = drawn.getBoundingClientRect()
      return { bounds, zoom, window: { x: bounds.x + (r.left - canvas.left) / zoom, y: bounds.y + (r.top - canvas.top) / zoom, width: r.width / zoom, height: r.height / zoom } }
    }),
    select(namesOrIds) {
      const wanted = Array.isArray(namesOrIds) ? namesOrIds : [namesOrIds]
      const nodes = asHostOf(fake, () => fake.allNodes())
      // Names are matched on the frames a person clicks (children of the page or of a
      // section) first, as a title text inside a frame often shares the frame's name.
      const clickable = nodes.filter((node) => node.parent?.type === 'PAGE' || node.parent?.type === 'SECTION')
      const chosen = wanted.map((key) => {
        const byId = nodes.filter((node) => node.id === key)
        const byName = clickable.filter((node) => node.name === key)
        const found = byId.length ? byId : byName.length ? byName : nodes.filter((node) => node.name === key)
        if (found.length !== 1) throw new Error(`select: ${found.length} nodes have the id or name "${key}"`)
        return found[0]!
      })
      fake.select(chosen)
      view.refresh()
      return chosen.map((node) => node.id)
    },
    selection: () => asHostOf(fake, () => fake.page.selection.map((node) => node.id)),
    reloadPlugin: () => host.reload(),
    relaunch: (command, parameters) => host.reload({ command, parameters }),
    closeMessage: () => fake.closeMessage ?? null,
    removeNodes(ids) {
      asHostOf(fake, () => fake.allNodes().filter((node) => ids.includes(node.id) && !node.removed).forEach((node) => node.remove()))
      view.refresh()
    },
    closePlugin: () => host.closeByUser(),
    pluginRunning: () => Boolean(host.session?.running),
    runs: () => host.runs,
    notifications: () =>
      fake.notifications.map((n) => ({ message: n.message, error: n.options?.error === true, timeout: n.options?.timeout, cancelled: n.cancelled })),
    async imageInfo(hash) {
      const image = asHostOf(fake, () => fake.figma.getImageByHash(hash))
      if (!image) return null
      const bytes = await image.getBytesAsync()
      return { ...readImageInfo(bytes), byteLength: bytes.length }
    },
    undoCheckpoints: () => fake.undoCheckpoints,
    violations: () => [...host.violations],
    errors: () => [...host.errors],
    ui: () => {
      const options = fake.ui.options
      return {
        shown: fake.ui.shown,
        visible: Boolean(options?.visible),
        width: options?.width ?? 0,
        height: options?.height ?? 0,
        title: options?.title ?? null,
      }
    },
    sentToUi: () => [...host.toUi],
    sentToPlugin: () => [...host.fromUi],
    fitAll: () => view.fitAll(),
    addImageFrame(spec) {
      const bytes = Uint8Array.from(atob(spec.imageBase64), (c) => c.charCodeAt(0))
      const frame = fake.addFrame({ name: spec.name, x: spec.x, y: spec.y, width: spec.width, height: spec.height })
      asHostOf(fake, () => {
        frame.fills = [{ type: 'IMAGE', imageHash: fake.figma.createImage(bytes).hash, scaleMode: 'FILL' }]
      })
      view.refresh()
      return frame.id
    },
  }
}
