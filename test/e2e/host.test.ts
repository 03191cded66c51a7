// The Figma host itself, proven with a tiny hand-written plugin (test/host/fixtures/probe-*):
// it shows the UI as Figma does (null origin, the asked size), relays messages both ways with
// Figma's rules (Uint8Array crosses, ArrayBuffer does not, early messages are queued), gives
// exportAsync real pixels, draws placed images, and reloads the plugin on the same document.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { useE2eFixtures } from './support/fixtures'
import { openHost, POLL, waitForHost, type HostPage } from './support/host-page'
import { screenshot } from './support/screenshots'

interface ProbeMessage {
  type: string
  bytes?: Uint8Array
  png?: Uint8Array
  isUint8Array?: boolean
  runs?: number
  command?: string
  editorType?: string
  nodeId?: string
  hash?: string
  key?: string
  value?: unknown
  message?: string
}

declare global {
  interface Window {
    received: ProbeMessage[]
    send(message: unknown): void
  }
}

const fixtures = useE2eFixtures()

async function openProbe(params: Record<string, string> = {}): Promise<HostPage> {
  return openHost(fixtures.browser, fixtures.servers.url({ plugin: 'probe', ...params }))
}

function uiFrame(host: HostPage) {
  const frame = host.page.frames().find((f) => f !== host.page.mainFrame())
  if (!frame) throw new Error('the plugin UI iframe is not there')
  return frame
}

/** Waits until the probe UI has received a message of this type, and returns it. */
async function received(host: HostPage, type: string, timeoutMs = 10_000): Promise<ProbeMessage> {
  const frame = uiFrame(host)
  await frame.waitForFunction((t) => window.received?.some((m) => m.type === t), type, { timeout: timeoutMs })
  return frame.evaluate((t) => {
    const found = window.received.find((m) => m.type === t)!
    // Typed arrays do not survive evaluate's JSON; report their class and contents instead.
    const describe = (v: unknown) => (v instanceof Uint8Array ? { class: v.constructor.name, values: Array.from(v) } : v)
    return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, describe(v)])) as unknown as ProbeMessage
  }, type)
}

async function send(host: HostPage, message: unknown): Promise<void> {
  await uiFrame(host).evaluate((m) => window.send(m), message)
}

describe('the Figma host', { timeout: 30_000 }, () => {
  it('shows the UI at the asked size in a sandboxed null-origin iframe, queues early messages, carries Uint8Array', async () => {
    const host = await openProbe()
    try {
      const iframe = host.page.locator('iframe')
      await expect.poll(() => iframe.count(), POLL).toBe(1)
      expect(await iframe.getAttribute('sandbox')).toBe('allow-scripts')
      expect(await iframe.boundingBox()).toMatchObject({ width: 320, height: 260 })
      await expect.poll(() => host.ui.locator('#origin').textContent(), POLL).toBe('null')
      expect(await host.page.locator('#plugin-title').textContent()).toBe('Probe')
      expect(await host.page.evaluate(() => window.figmaHost.ui())).toMatchObject({ shown: true, visible: true, width: 320, height: 260 })
      // themeColors: true brings Figma's theme class and colour variables into the UI.
      expect(await uiFrame(host).evaluate(() => document.documentElement.className)).toBe('figma-light')
      expect(await uiFrame(host).evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--figma-color-bg').trim())).toBe('#ffffff')
      // Posted right after showUI, before the iframe existed: held back, then delivered first.
      const early = await received(host, 'early')
      expect(early.bytes).toEqual({ class: 'Uint8Array', values: [1, 2, 3] })
      expect(await uiFrame(host).evaluate(() => window.received[0]?.type)).toBe('early')
      await host.ui.getByRole('button', { name: 'Echo bytes' }).click()
      const echo = await received(host, 'echo')
      expect(echo.isUint8Array).toBe(true)
      expect(echo.bytes).toEqual({ class: 'Uint8Array', values: [9, 8, 7, 6] })
      expect(await host.page.evaluate(() => window.figmaHost.violations())).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('refuses an ArrayBuffer in either direction, as Figma does', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      await host.ui.getByRole('button', { name: 'Send ArrayBuffer' }).click()
      const violations = await waitForHost(host.page, () => window.figmaHost.violations(), (v) => v.length > 0)
      expect(violations[0]).toMatch(/UI → plugin: .*ArrayBuffer/)
      // The plugin never saw it: no echo came back.
      expect(await uiFrame(host).evaluate(() => window.received.some((m) => m.type === 'echo'))).toBe(false)
      await send(host, { type: 'send-buffer' })
      const error = await received(host, 'error')
      expect(error.message).toMatch(/ArrayBuffer/)
    } finally {
      await host.close()
    }
  })

  it('exports real pixels of a frame for exportAsync', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      await host.page.evaluate(() => window.figmaHost.select('Sunset dunes'))
      await send(host, { type: 'export', width: 200 })
      const exported = await received(host, 'exported')
      const png = Buffer.from((exported.png as unknown as { values: number[] }).values)
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
      // Sunset dunes is 1440×1024: exported at width 200 it is 200×142.
      expect([info.width, info.height]).toEqual([200, 142])
      const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3))
      const near = (actual: number[], expected: number[]) => actual.every((v, i) => Math.abs(v - expected[i]!) <= 8)
      expect(near(pixel(5, 60), [0xff, 0x8c, 0x42]), `background ${pixel(5, 60)}`).toBe(true) // orange sky
      expect(near(pixel(152, 47), [0xff, 0xe0, 0x66]), `sun ${pixel(152, 47)}`).toBe(true) // yellow sun
      expect(near(pixel(190, 140), [0x8a, 0x3b, 0x5c]), `ground ${pixel(190, 140)}`).toBe(true) // dunes
    } finally {
      await host.close()
    }
  })

  it('exports a group of the sample page as its children drawn over their union', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      await host.page.evaluate(() => window.figmaHost.select('Mood chips'))
      await send(host, { type: 'export', width: 680 })
      const exported = await received(host, 'exported')
      const png = Buffer.from((exported.png as unknown as { values: number[] }).values)
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true })
      // Three 200×200 chips 240 apart: the group is 680×200.
      expect([info.width, info.height]).toEqual([680, 200])
      const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 4))
      expect(pixel(100, 100)).toEqual([0xff, 0x8c, 0x42, 255])
      expect(pixel(580, 100)).toEqual([0x40, 0x91, 0x6c, 255])
      expect(pixel(220, 100)[3]).toBe(0) // the gap between chips is empty
    } finally {
      await host.close()
    }
  })

  it('places an image made in the UI with createImage and draws it from its bytes', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      await host.ui.getByRole('button', { name: 'Place image' }).click()
      const placed = await received(host, 'placed')
      const node = (await host.page.evaluate(() => window.figmaHost.dump())).find((n) => n.id === placed.nodeId)
      expect(node).toMatchObject({ type: 'RECTANGLE', name: 'Probe image', width: 300, height: 200, absolute: { x: 0, y: 900 } })
      expect(node?.fills).toEqual([expect.objectContaining({ type: 'IMAGE', imageHash: placed.hash, scaleMode: 'FILL' })])
      expect(node?.pluginData).toEqual({ probe: '{"placed":true}' })
      expect(await host.page.evaluate((h) => window.figmaHost.imageInfo(h), placed.hash!)).toMatchObject({ format: 'PNG', width: 300, height: 200 })
      expect(await host.page.evaluate(() => window.figmaHost.undoCheckpoints())).toBe(1)
      expect(await host.page.evaluate(() => window.figmaHost.selection())).toEqual([placed.nodeId])
      // The canvas shows the image itself (an object URL of the stored bytes), outlined as selected.
      const drawn = host.page.locator(`[data-image-hash="${placed.hash}"]`)
      await expect.poll(() => drawn.evaluate((el) => getComputedStyle(el).backgroundImage), POLL).toMatch(/^url\("blob:/)
      await expect.poll(() => host.page.locator(`[data-outlines="${placed.nodeId}"]`).count(), POLL).toBe(1)
      await host.page.evaluate(() => window.figmaHost.fitAll())
      await screenshot(host.page, 'host-probe-placed-image')
    } finally {
      await host.close()
    }
  })

  it('reloads the plugin on the same document and clientStorage', async () => {
    const host = await openProbe()
    try {
      expect((await received(host, 'runs')).runs).toBe(1)
      await host.ui.getByRole('button', { name: 'Place image' }).click()
      const placed = await received(host, 'placed')
      await host.page.evaluate(() => window.figmaHost.reloadPlugin())
      expect(await host.page.locator('iframe').count()).toBe(1)
      // A fresh UI: its first messages are those of the second run, which sees the stored count.
      expect((await received(host, 'runs')).runs).toBe(2)
      const dump = await host.page.evaluate(() => window.figmaHost.dump())
      expect(dump.some((n) => n.id === placed.nodeId && n.fills[0]?.imageHash === placed.hash)).toBe(true)
      // The first run's handlers are gone: one echo per request, from the running plugin only.
      await host.ui.getByRole('button', { name: 'Echo bytes' }).click()
      await received(host, 'echo')
      await host.page.waitForTimeout(300)
      expect(await uiFrame(host).evaluate(() => window.received.filter((m) => m.type === 'echo').length)).toBe(1)
      expect(await host.page.evaluate(() => window.figmaHost.errors())).toEqual([])
    } finally {
      await host.close()
    }
  })

  it('closes when the plugin calls closePlugin, and the Reload plugin button runs it again', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      await send(host, { type: 'close', text: 'Probe closed' })
      await expect.poll(() => host.page.locator('#plugin-window').isHidden(), POLL).toBe(true)
      expect(await host.page.evaluate(() => window.figmaHost.pluginRunning())).toBe(false)
      await expect.poll(() => host.page.locator('.toast', { hasText: 'Probe closed' }).count(), POLL).toBe(1)
      await host.page.getByRole('button', { name: 'Reload plugin' }).click()
      await expect.poll(() => host.page.evaluate(() => window.figmaHost.pluginRunning()), POLL).toBe(true)
      expect((await received(host, 'runs')).runs).toBe(2)
    } finally {
      await host.close()
    }
  })

  it('takes editor, command, theme, Runware endpoint and key from its URL; resizes the UI; shows notifications', async () => {
    const host = await openProbe({
      editor: 'figjam',
      command: 'generate',
      runware: 'http://127.0.0.1:9999',
      key: 'rw-seeded',
      connection: 'rest',
      consent: '1',
      settings: '{"options":{"outputFormat":"WEBP"}}',
      theme: 'dark',
    })
    try {
      expect(await received(host, 'runs')).toMatchObject({ editorType: 'figjam', command: 'generate' })
      expect(await uiFrame(host).evaluate(() => document.documentElement.className)).toBe('figma-dark')
      await send(host, { type: 'storage-get', key: 'settings-v1' })
      const settings = (await received(host, 'storage')).value as Record<string, Record<string, unknown>>
      expect(settings.endpoint).toEqual({ connection: 'rest', restUrl: 'http://127.0.0.1:9999/v1', wsUrl: 'ws://127.0.0.1:9999/v1' })
      expect(settings.consentGiven).toBe(true)
      expect(settings.options).toMatchObject({ outputFormat: 'WEBP' })
      await uiFrame(host).evaluate(() => (window.received = []))
      await send(host, { type: 'storage-get', key: 'runware-api-key-v1' })
      expect((await received(host, 'storage')).value).toBe('rw-seeded')

      await send(host, { type: 'resize', width: 400, height: 300 })
      await expect.poll(async () => (await host.page.locator('iframe').boundingBox())?.width, POLL).toBe(400)
      await send(host, { type: 'notify', text: 'Something went wrong', error: true })
      await expect.poll(() => host.page.locator('.toast.error', { hasText: 'Something went wrong' }).count(), POLL).toBe(1)
      expect(await host.page.evaluate(() => window.figmaHost.notifications())).toEqual([
        expect.objectContaining({ message: 'Something went wrong', error: true }),
      ])
    } finally {
      await host.close()
    }
  })

  it('selects frames by click and shift-click, clears on empty canvas, and pans by dragging', async () => {
    const host = await openProbe()
    try {
      await received(host, 'runs')
      const dump = await host.page.evaluate(() => window.figmaHost.dump())
      const id = (name: string) => dump.find((n) => n.name === name && n.parentId !== null && ['PAGE', 'SECTION'].includes(dump.find((p) => p.id === n.parentId)!.type))!.id
      const [sunset, tidal, neon] = [id('Sunset dunes'), id('Tidal blue'), id('Neon grid')]
      await host.page.locator(`[data-node-id="${sunset}"]`).click({ position: { x: 10, y: 80 } })
      expect(await host.page.evaluate(() => window.figmaHost.selection())).toEqual([sunset])
      await host.page.locator(`[data-node-id="${tidal}"]`).click({ position: { x: 20, y: 60 }, modifiers: ['Shift'] })
      // A click inside a section selects the frame in it, not the section.
      await host.page.locator(`[data-node-id="${neon}"]`).click({ position: { x: 20, y: 60 }, modifiers: ['Shift'] })
      expect(await host.page.evaluate(() => window.figmaHost.selection())).toEqual([sunset, tidal, neon])
      await expect.poll(() => host.page.locator('.selection-outline').count(), POLL).toBe(3)
      await screenshot(host.page, 'host-three-frames-selected')
      const canvas = host.page.locator('#canvas')
      await canvas.click({ position: { x: 30, y: 850 } })
      expect(await host.page.evaluate(() => window.figmaHost.selection())).toEqual([])
      const before = await host.page.locator(`[data-node-id="${sunset}"]`).boundingBox()
      await host.page.mouse.move(40, 840)
      await host.page.mouse.down()
      await host.page.mouse.move(140, 790, { steps: 5 })
      await host.page.mouse.up()
      const after = await host.page.locator(`[data-node-id="${sunset}"]`).boundingBox()
      expect([Math.round(after!.x - before!.x), Math.round(after!.y - before!.y)]).toEqual([100, -50])
      // The wheel zooms around the pointer; Fit all brings everything back into view.
      const zoom = () => host.page.locator('#canvas').getAttribute('data-zoom').then(Number)
      const zoomBefore = await zoom()
      await host.page.mouse.move(300, 400)
      await host.page.mouse.wheel(0, -300)
      await expect.poll(zoom, POLL).toBeGreaterThan(zoomBefore)
      await host.page.getByRole('button', { name: 'Fit all' }).click()
      await expect.poll(zoom, POLL).toBeCloseTo(zoomBefore, 3)
    } finally {
      await host.close()
    }
  })
})
