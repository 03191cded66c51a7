// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'

import { App } from '../../ui/app'
import { startEmulator, type Emulator } from '../emulator/index'
import { addFrames, endpointOf, generate, openPlugin, selectAndWait, signIn } from '../support/plugin-world'

// The key goes to Runware and to clientStorage, nowhere else: after a good run, a run that
// fails on auth and a malformed reply, it is not in any node's plugin data, any notification,
// anything written to the console, any error shown, or the UI's DOM outside the key field.
// The prompt carries markup, which must show as text.

const KEY = 'rw-secret-9f8e7d6c5b4a39281706'
const HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>'
let emulator: Emulator
beforeAll(async () => {
  emulator = await startEmulator({ apiKeys: [KEY] })
})
afterAll(async () => {
  await emulator.close()
})

it('finds the key nowhere but where it belongs', async () => {
  const consoleText: string[] = []
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleText.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '))),
  )
  const world = openPlugin()
  const container = document.createElement('div')
  document.body.append(container)
  await act(() => render(<App app={world.app} />, container))
  const [frame] = addFrames(world.fake)
  await signIn(world, KEY, endpointOf(emulator, 'websocket'))
  await selectAndWait(world, [frame!])
  const errors: string[] = []
  const noteError = () => {
    const run = world.app.controller.run.value
    for (const text of [run?.error?.message, run?.error?.detail, world.app.state.notice.value?.message, world.app.state.notice.value?.detail]) if (text) errors.push(text)
  }

  // a prompt that contains the key (pasted by mistake) must not carry it into the document
  await generate(world, `${HOSTILE} ${KEY}`)
  expect(world.app.controller.run.value?.phase).toBe('done')
  noteError()
  await selectAndWait(world, [frame!])
  emulator.injectFault({ kind: 'malformedBody' })
  await generate(world, HOSTILE)
  noteError()
  await selectAndWait(world, [frame!])
  emulator.injectFault({ kind: 'status', status: 401 })
  await generate(world, HOSTILE)
  expect(world.app.controller.run.value?.phase).toBe('failed')
  noteError()
  await act(async () => {
    await world.fake.flush()
  })

  // markup in the prompt is text in the DOM, never elements
  expect(container.querySelector('script, img[src="x"], b')).toBeNull()
  expect(container.querySelector('textarea')?.value).toBe(HOSTILE)

  // the whole DOM, main view and settings, as text and attribute values: a saved key is only
  // ever shown masked, so there is no key field to leave out while one is stored
  const domText = () =>
    [...container.querySelectorAll('*')]
      .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').concat([...el.attributes].map((a) => a.value)))
      .join('\n')
  const mainDom = domText()
  await act(() => world.app.actions.openSettings())
  const masked = container.querySelector('[aria-label="API key, hidden"]')?.textContent ?? ''
  expect(masked.length).toBeGreaterThan(0)
  const domOutsideKeyField = `${mainDom}\n${domText()}`

  // "Forget key" removes it from clientStorage; the field to enter a new one is masked
  await act(() => world.app.actions.forgetKey())
  await act(async () => {
    await world.fake.flush()
  })
  expect(await world.fake.figma.clientStorage.getAsync('runware-api-key-v1')).toBeUndefined()
  expect(container.querySelector('input[type="password"]')).not.toBeNull()
  const pluginData = world.fake.allNodes().flatMap((node) => [node.name, ...node.getPluginDataKeys().map((k) => node.getPluginData(k))])
  const notifications = world.fake.notifications.map((n) => n.message)
  for (const spy of spies) spy.mockRestore()

  expect(pluginData.length).toBeGreaterThan(2)
  expect(errors.length).toBeGreaterThan(0)
  expect(domOutsideKeyField.length).toBeGreaterThan(100)
  for (const [where, texts] of Object.entries({ pluginData, notifications, consoleText, errors, domOutsideKeyField: [domOutsideKeyField] })) {
    expect(texts.filter((text) => text.includes(KEY)), where).toEqual([])
  }
  // and the key reached the configured Runware endpoint only, as the socket's authentication
  const carrying = emulator.tasks.filter((t) => JSON.stringify(t.task).includes(KEY))
  expect(carrying.length).toBeGreaterThan(0)
  // (besides authenticating, only the prompt the key was pasted into carried it, to the same endpoint)
  expect(carrying.filter((t) => t.task.taskType !== 'authentication' && !String(t.task.positivePrompt).includes(KEY))).toEqual([])
  world.app.dispose()
})
