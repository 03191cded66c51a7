// What the host page is told by its URL, so the same page runs against any emulator:
//   ?runware=http://127.0.0.1:8787   Runware endpoint (REST at /v1, WebSocket at ws://…/v1)
//   &key=…                           API key, pre-seeded in clientStorage
//   &connection=rest|websocket|auto  transport
//   &consent=1                       the third-party notice counts as acknowledged
//   &settings={…}                    JSON merged into the stored settings (e.g. output format)
//   &editor=figjam                   figma.editorType
//   &command=generate                figma.command
//   &plugin=probe                    run test/host/fixtures/probe-*.{js,html} instead of dist/
//   &sample=none                     start with an empty page
//   &theme=dark                      Figma's theme for UIs shown with themeColors: true

export interface HostConfig {
  runware: string | null
  key: string | null
  connection: 'auto' | 'websocket' | 'rest' | null
  consent: boolean
  settings: Record<string, unknown> | null
  editor: 'figma' | 'figjam'
  command: string
  codeUrl: string
  uiUrl: string
  sample: boolean
  theme: 'light' | 'dark'
}

export function readHostConfig(search: string): HostConfig {
  const params = new URLSearchParams(search)
  const connection = params.get('connection')
  if (connection !== null && connection !== 'auto' && connection !== 'websocket' && connection !== 'rest') {
    throw new Error(`connection must be auto, websocket or rest, not "${connection}"`)
  }
  const settingsText = params.get('settings')
  let settings: Record<string, unknown> | null = null
  if (settingsText) {
    const parsed: unknown = JSON.parse(settingsText)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('settings must be a JSON object')
    settings = parsed as Record<string, unknown>
  }
  const plugin = params.get('plugin')
  if (plugin !== null && !/^[\w-]+$/.test(plugin)) throw new Error(`plugin must be a fixture name, not "${plugin}"`)
  return {
    runware: params.get('runware')?.replace(/\/+$/, '') || null,
    key: params.get('key') || null,
    connection,
    consent: params.get('consent') === '1' || params.get('consent') === 'true',
    settings,
    editor: params.get('editor') === 'figjam' ? 'figjam' : 'figma',
    command: params.get('command') ?? 'open',
    codeUrl: plugin ? `/fixture/${plugin}-plugin.js` : '/plugin/code.js',
    uiUrl: plugin ? `/fixture/${plugin}-ui.html` : '/plugin/ui.html',
    sample: params.get('sample') !== 'none',
    theme: params.get('theme') === 'dark' ? 'dark' : 'light',
  }
}

/** REST and WebSocket URLs of a Runware base such as http://127.0.0.1:8787. */
export function runwareEndpoint(base: string): { restUrl: string; wsUrl: string } {
  const root = base.replace(/\/v1$/, '')
  return { restUrl: `${root}/v1`, wsUrl: `${root.replace(/^http/, 'ws')}/v1` }
}
