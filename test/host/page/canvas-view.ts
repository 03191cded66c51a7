// The canvas a person looks at: the current page's nodes drawn in a pannable, zoomable world,
// with names above top-level frames, section titles, selection outlines and sizes. Click
// selects, shift-click adds or removes, drag on empty canvas pans, the wheel zooms. It
// redraws whenever the document or the selection changes (checked a few times a second).
import { snapshotNode, type Box, type NodeSnapshot } from '../node-snapshot'
import { ImageUrls } from './image-urls'
import { nodeElement } from './node-element'

export interface ViewSource {
  /** Children of the current page (live fake nodes). */
  pageChildren(): readonly object[]
  selectionIds(): string[]
  select(ids: string[]): void
  imageBytes(hash: string): Promise<Uint8Array | null>
  /** Canvas width covered on the right (the plugin window floats there), kept clear by fits. */
  rightInset?(): number
  /** The part of the page in view changed: figma.viewport follows it. */
  onCamera?(center: { x: number; y: number }, zoom: number): void
}

interface Camera {
  x: number
  y: number
  zoom: number
}

const REFRESH_MS = 100

interface Drawn {
  json: string
  element: HTMLElement
  /** Every image it shows was ready when it was drawn. */
  complete: boolean
}

function imageHashesOf(node: NodeSnapshot): string[] {
  const own = node.fills.flatMap((paint) => (paint.type === 'IMAGE' && paint.imageHash ? [paint.imageHash] : []))
  return [...own, ...node.children.flatMap(imageHashesOf)]
}

function unionBox(boxes: Box[]): Box | null {
  if (boxes.length === 0) return null
  const left = Math.min(...boxes.map((b) => b.x))
  const top = Math.min(...boxes.map((b) => b.y))
  const right = Math.max(...boxes.map((b) => b.x + b.width))
  const bottom = Math.max(...boxes.map((b) => b.y + b.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** Frames a person clicks: children of the page, and children of sections. */
function selectableNodes(top: NodeSnapshot[]): NodeSnapshot[] {
  return top.flatMap((node) => (node.type === 'SECTION' ? node.children : [node]))
}

export class CanvasView {
  private readonly world = document.createElement('div')
  private readonly overlay = document.createElement('div')
  private readonly images: ImageUrls
  private camera: Camera = { x: 40, y: 60, zoom: 0.5 }
  private snapshots: NodeSnapshot[] = []
  private byId = new Map<string, { node: NodeSnapshot; path: NodeSnapshot[] }>()
  private signature = ''
  private drawn = new Map<string, Drawn>()
  private dirty = true
  private readonly timer: number

  constructor(
    private readonly root: HTMLElement,
    private source: ViewSource,
  ) {
    this.images = new ImageUrls((hash) => this.source.imageBytes(hash), () => (this.dirty = true))
    this.world.className = 'world'
    this.overlay.className = 'overlay'
    root.replaceChildren(this.world, this.overlay)
    this.listen()
    this.timer = window.setInterval(() => this.refresh(), REFRESH_MS)
  }

  /** A reloaded plugin brings a new figma object; the document behind it is the same. */
  setSource(source: ViewSource): void {
    this.source = source
    this.dirty = true
  }

  dispose(): void {
    window.clearInterval(this.timer)
  }

  refresh(): void {
    let snapshots: NodeSnapshot[]
    let selection: string[]
    try {
      snapshots = this.source.pageChildren().map((node) => snapshotNode(node))
      selection = this.source.selectionIds()
    } catch {
      return // the document is being swapped (plugin reload); draw on the next tick
    }
    const parts = snapshots.map((node) => JSON.stringify(node))
    const signature = `${parts.join('\n')}\n${JSON.stringify(selection)}`
    if (!this.dirty && signature === this.signature) return
    this.dirty = false
    this.signature = signature
    this.snapshots = snapshots
    this.index()
    this.draw(snapshots, parts)
    this.drawOverlay(selection)
  }

  /**
   * Rebuilds only the top-level nodes that changed (or whose images were not ready when they
   * were drawn) and leaves the others' elements in place: redrawing a page full of earlier
   * results on every change made the browser decode all their images again each time.
   */
  private draw(snapshots: NodeSnapshot[], parts: string[]): void {
    const next = new Map<string, Drawn>()
    const elements = snapshots.map((node, i) => {
      const old = this.drawn.get(node.id)
      const drawn = old && old.json === parts[i] && old.complete ? old : this.drawNode(node, parts[i]!)
      next.set(node.id, drawn)
      return drawn.element
    })
    this.drawn = next
    let at: ChildNode | null = this.world.firstChild
    for (const element of elements) {
      if (at === element) at = at.nextSibling
      else this.world.insertBefore(element, at)
    }
    while (at) {
      const gone: ChildNode = at
      at = at.nextSibling
      gone.remove()
    }
  }

  private drawNode(node: NodeSnapshot, json: string): Drawn {
    const element = nodeElement(node, null, this.images)
    return { json, element, complete: imageHashesOf(node).every((hash) => this.images.ready(hash)) }
  }

  fitAll(): void {
    this.fitBox(unionBox(this.snapshots.filter((n) => n.visible).map((n) => n.box)))
  }

  /** Looks at `center` at `zoom`, as the plugin set figma.viewport.center and .zoom. */
  lookAt(center: { x: number; y: number }, zoom: number): void {
    this.camera = { zoom, x: this.root.clientWidth / 2 - center.x * zoom, y: this.root.clientHeight / 2 - center.y * zoom }
    this.applyCamera()
  }

  /** Shows these nodes, as figma.viewport.scrollAndZoomIntoView does. */
  reveal(ids: string[]): void {
    this.refresh()
    this.fitBox(unionBox(ids.map((id) => this.byId.get(id)?.node.box).filter((b): b is Box => Boolean(b))))
  }

  private fitBox(bounds: Box | null): void {
    if (!bounds) return
    const width = this.root.clientWidth - (this.source.rightInset?.() ?? 0)
    const height = this.root.clientHeight
    const margin = 60
    const zoom = Math.min(1, (width - margin * 2) / Math.max(bounds.width, 1), (height - margin * 2) / Math.max(bounds.height, 1))
    this.camera = {
      zoom,
      x: (width - bounds.width * zoom) / 2 - bounds.x * zoom,
      y: (height - bounds.height * zoom) / 2 - bounds.y * zoom,
    }
    this.applyCamera()
  }

  private index(): void {
    this.byId.clear()
    const walk = (node: NodeSnapshot, path: NodeSnapshot[]) => {
      const here = [...path, node]
      this.byId.set(node.id, { node, path: here })
      node.children.forEach((child) => walk(child, here))
    }
    this.snapshots.forEach((node) => walk(node, []))
  }

  private applyCamera(): void {
    const { x, y, zoom } = this.camera
    this.world.style.transform = `translate(${x}px, ${y}px) scale(${zoom})`
    this.root.dataset.zoom = zoom.toFixed(3)
    this.drawOverlay(this.source.selectionIds())
    const center = { x: (this.root.clientWidth / 2 - x) / zoom, y: (this.root.clientHeight / 2 - y) / zoom }
    this.source.onCamera?.(center, zoom)
  }

  private toScreen(box: Box): Box {
    const { x, y, zoom } = this.camera
    return { x: box.x * zoom + x, y: box.y * zoom + y, width: box.width * zoom, height: box.height * zoom }
  }

  private drawOverlay(selection: string[]): void {
    this.world.style.transform = `translate(${this.camera.x}px, ${this.camera.y}px) scale(${this.camera.zoom})`
    const items: HTMLElement[] = []
    for (const node of this.snapshots.filter((n) => n.type === 'SECTION' && n.visible)) {
      const screen = this.toScreen(node.box)
      const title = document.createElement('div')
      title.className = 'section-title'
      title.dataset.selects = node.id
      title.textContent = node.name
      title.style.left = `${screen.x}px`
      title.style.top = `${screen.y - 26}px`
      items.push(title)
    }
    for (const node of selectableNodes(this.snapshots).filter((n) => n.visible && n.type !== 'TEXT')) {
      const screen = this.toScreen(node.box)
      const label = document.createElement('div')
      label.className = 'frame-name'
      label.dataset.selects = node.id
      label.textContent = node.name
      label.style.left = `${screen.x}px`
      label.style.top = `${screen.y - 18}px`
      label.style.maxWidth = `${Math.max(40, screen.width)}px`
      if (selection.includes(node.id)) label.classList.add('selected')
      items.push(label)
    }
    const selected = selection.map((id) => this.byId.get(id)?.node).filter((n): n is NodeSnapshot => Boolean(n))
    for (const node of selected) {
      const screen = this.toScreen(node.box)
      const outline = document.createElement('div')
      outline.className = 'selection-outline'
      outline.dataset.outlines = node.id
      Object.assign(outline.style, { left: `${screen.x}px`, top: `${screen.y}px`, width: `${screen.width}px`, height: `${screen.height}px` })
      items.push(outline)
    }
    // One size badge under the whole selection, as Figma shows it.
    const bounds = unionBox(selected.map((n) => n.box))
    if (bounds) {
      const screen = this.toScreen(bounds)
      const size = document.createElement('span')
      size.className = 'selection-size'
      size.textContent = `${Math.round(bounds.width)} × ${Math.round(bounds.height)}`
      Object.assign(size.style, { left: `${screen.x + screen.width / 2}px`, top: `${screen.y + screen.height + 6}px` })
      items.push(size)
    }
    this.overlay.replaceChildren(...items)
  }

  /** The node a click on this element selects, or null for empty canvas. */
  private selectableAt(target: EventTarget | null): string | null {
    const element = target instanceof Element ? target : null
    const labelled = element?.closest<HTMLElement>('[data-selects]')
    if (labelled) return labelled.dataset.selects ?? null
    const id = element?.closest<HTMLElement>('[data-node-id]')?.dataset.nodeId
    const path = id ? this.byId.get(id)?.path : undefined
    if (!path?.[0]) return null
    if (path[0].type === 'SECTION') return path[1]?.id ?? null
    return path[0].id
  }

  private listen(): void {
    let drag: { startX: number; startY: number; camX: number; camY: number; target: string | null; moved: boolean } | null = null
    this.root.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return
      this.root.setPointerCapture(event.pointerId)
      drag = { startX: event.clientX, startY: event.clientY, camX: this.camera.x, camY: this.camera.y, target: this.selectableAt(event.target), moved: false }
    })
    this.root.addEventListener('pointermove', (event) => {
      if (!drag) return
      const dx = event.clientX - drag.startX
      const dy = event.clientY - drag.startY
      if (!drag.moved && Math.hypot(dx, dy) < 4) return
      drag.moved = true
      if (drag.target) return // dragging a frame does not move it here; only empty canvas pans
      this.root.classList.add('panning')
      this.camera = { ...this.camera, x: drag.camX + dx, y: drag.camY + dy }
      this.applyCamera()
    })
    this.root.addEventListener('pointerup', (event) => {
      this.root.classList.remove('panning')
      const ended = drag
      drag = null
      if (!ended || ended.moved) return
      const current = this.source.selectionIds()
      if (!ended.target) {
        if (!event.shiftKey) this.source.select([])
      } else if (event.shiftKey) {
        this.source.select(current.includes(ended.target) ? current.filter((id) => id !== ended.target) : [...current, ended.target])
      } else {
        this.source.select([ended.target])
      }
      this.dirty = true
      this.refresh()
    })
    this.root.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault()
        // Pinch gestures arrive as ctrl+wheel with small deltas; plain wheels step further.
        const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015))
        const zoom = Math.min(8, Math.max(0.02, this.camera.zoom * factor))
        const rect = this.root.getBoundingClientRect()
        const px = event.clientX - rect.left
        const py = event.clientY - rect.top
        const k = zoom / this.camera.zoom
        this.camera = { zoom, x: px - (px - this.camera.x) * k, y: py - (py - this.camera.y) * k }
        this.applyCamera()
      },
      { passive: false },
    )
  }
}
