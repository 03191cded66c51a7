// The Figma host page: one in-memory document (the fake), drawn on a canvas, with the built
// plugin running on it as Figma would run it. See README.md in test/host.
import { createFigmaFake } from '../../figma-fake/index'
import { createCanvasRasterizer } from '../canvas-rasterizer'
import { CanvasView } from './canvas-view'
import { asHostOf } from './fake-access'
import { createFigmaHostApi } from './figma-host-api'
import { readHostConfig } from './host-config'
import { HostController } from './host-controller'
import { drawSampleMoodboard } from './sample-moodboard'
import { seedStorage } from './seed-storage'
import { PLUGIN_ID } from './ui-frame'

/** Where a person left the plugin window: its left edge this far from the canvas's right edge. */
const WINDOW_FROM_RIGHT = 360 + 16

function element(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (!found) throw new Error(`host page: #${id} is missing`)
  return found
}

async function fetchImage(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`createImageAsync: ${url} answered ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}

async function boot(): Promise<void> {
  const config = readHostConfig(location.search)
  document.body.classList.toggle('theme-dark', config.theme === 'dark')
  const fake = createFigmaFake({
    editorType: config.editor,
    command: config.command,
    pluginId: PLUGIN_ID,
    rasterizer: createCanvasRasterizer(),
    fetchImage,
    callbackErrors: 'record',
    keepSent: 'none',
  })
  // The canvas area in the window, for figma.viewport.bounds and figma.ui.getPosition; the
  // plugin window opens where a person last left it, near the canvas's top right corner.
  const canvas = element('canvas')
  const placeScreen = () => {
    const rect = canvas.getBoundingClientRect()
    fake.setScreen({ x: rect.left, y: rect.top, width: rect.width, height: rect.height })
  }
  placeScreen()
  window.addEventListener('resize', placeScreen)
  const area = canvas.getBoundingClientRect()
  fake.moveWindow({ x: area.right - WINDOW_FROM_RIGHT, y: area.top + 16 })
  if (config.sample) await drawSampleMoodboard(fake.figma)
  await seedStorage(fake.figma.clientStorage, config)

  const view = new CanvasView(element('canvas'), {
    pageChildren: () => asHostOf(fake, () => fake.page.children),
    selectionIds: () => asHostOf(fake, () => fake.page.selection.map((node) => node.id)),
    select: (ids) => fake.select(asHostOf(fake, () => fake.allNodes().filter((node) => ids.includes(node.id)))),
    imageBytes: async (hash) => {
      const image = asHostOf(fake, () => fake.figma.getImageByHash(hash))
      return image ? image.getBytesAsync() : null
    },
    onCamera: (center, zoom) =>
      asHostOf(fake, () => {
        fake.figma.viewport.center = center
        fake.figma.viewport.zoom = zoom
      }),
    rightInset: () => {
      const panel = document.getElementById('plugin-window')
      return panel && !panel.hidden ? panel.getBoundingClientRect().width + 32 : 0
    },
  })
  view.refresh()
  view.fitAll()

  const host = new HostController(fake, config, view, {
    window: element('plugin-window'),
    slot: element('plugin-frame'),
    title: element('plugin-title'),
    toasts: element('toasts'),
    status: element('host-status'),
    error: element('host-error'),
  })
  const api = createFigmaHostApi(host, view)
  window.figmaHost = api
  element('fit-all').addEventListener('click', () => view.fitAll())
  element('reload-plugin').addEventListener('click', () => void host.reload().catch((error: unknown) => host.recordError(error)))
  element('close-plugin').addEventListener('click', () => host.closeByUser())
  dragByTitleBar(element('plugin-window'), (corner) => {
    fake.moveWindow(corner)
    host.session?.moved()
  })
  element('host-error').addEventListener('click', (event) => ((event.currentTarget as HTMLElement).hidden = true))
  await host.start()
  view.fitAll()
  api.ready = true
}

/** Moving the plugin window by its title bar, as in Figma. */
function dragByTitleBar(win: HTMLElement, move: (corner: { x: number; y: number }) => void): void {
  const bar = win.querySelector<HTMLElement>('.titlebar')
  if (!bar) return
  bar.addEventListener('pointerdown', (event) => {
    if ((event.target as HTMLElement).closest('button')) return
    const start = { x: event.clientX, y: event.clientY, left: win.offsetLeft, top: win.offsetTop }
    bar.setPointerCapture(event.pointerId)
    const onMove = (e: PointerEvent) => move({ x: start.left + e.clientX - start.x, y: start.top + e.clientY - start.y })
    const onUp = () => {
      bar.removeEventListener('pointermove', onMove)
      bar.removeEventListener('pointerup', onUp)
    }
    bar.addEventListener('pointermove', onMove)
    bar.addEventListener('pointerup', onUp)
  })
}

boot().catch((error: unknown) => {
  const banner = document.getElementById('host-error')
  if (banner) {
    banner.hidden = false
    banner.textContent = `The host could not start: ${error instanceof Error ? error.message : String(error)}`
  }
  console.error(error)
})
