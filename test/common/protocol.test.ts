import { describe, expect, it } from 'vitest'

import { MODEL_ID, RECORD_VERSION, type GenerationRecord } from '../../src/common/generation-record'
import { MAX_CANDIDATES, type PluginToUi, type UiToPlugin } from '../../src/common/protocol'
import { parsePluginToUi } from '../../src/common/protocol/plugin-to-ui'
import { parseUiToPlugin } from '../../src/common/protocol/ui-to-plugin'
import { DEFAULT_SETTINGS } from '../../ui/state/settings'

const record: GenerationRecord = {
  version: RECORD_VERSION,
  runId: 'run-1',
  index: 0,
  prompt: 'a quiet harbour at dawn',
  width: 1440,
  height: 1080,
  model: MODEL_ID,
  seed: 42,
  taskUUID: '0ee13cbd-6941-49fb-b5cc-90be6737ebea',
  imageUUID: '1255868f-309b-4798-a01d-6ca7aa302f36',
  cost: 0.02,
  outputFormat: 'JPG',
  referenceNodeIds: ['1:2'],
  createdAt: '2026-11-25T09:00:00.000Z',
}
const plan = { runId: 'run-1', prompt: 'a quiet harbour', size: { width: 1440, height: 1080 }, count: 4, referenceNodeIds: ['1:2', '1:3'] }

// One valid example of every message, both ways: if a schema drifts from what the sides
// send, this fails before any integration test does.
const uiMessages: UiToPlugin[] = [
  { type: 'ui-ready' },
  { type: 'save-settings', settings: DEFAULT_SETTINGS },
  { type: 'save-key', key: 'rw-key' },
  { type: 'forget-key' },
  { type: 'run-start', requestId: 'r1', plan },
  { type: 'place-result', requestId: 'r2', runId: 'run-1', index: 3, image: new Uint8Array([137, 80, 78, 71]), record },
  { type: 'result-failed', runId: 'run-1', index: 1, message: 'Refused by content moderation' },
  { type: 'run-end', runId: 'run-1', outcome: 'cancelled' },
  { type: 'notify', message: 'Placed 4 images', error: false },
  { type: 'resize-ui', width: 360, height: 640 },
  { type: 'select-nodes', requestId: 'r3', nodeIds: ['1:9'] },
  { type: 'select-nodes', requestId: 'r3', nodeIds: ['1:9'], asReferences: true },
  { type: 'export-references', requestId: 'r4', nodeIds: ['1:9'], preview: true },
  { type: 'pin-style', style: { nodeId: '1:2', name: 'Mood', tag: 'style' } },
  { type: 'pin-style', style: null },
]
const pluginMessages: PluginToUi[] = [
  { type: 'init', settings: DEFAULT_SETTINGS, apiKey: null, editorType: 'figjam', command: 'variations' },
  { type: 'key-state', apiKey: 'rw-key' },
  {
    type: 'selection',
    selectionId: 3,
    state: 'ok',
    usableCount: 1,
    references: [{ nodeId: '1:2', name: 'Mood', width: 1920, height: 1080, pixelWidth: 1920, pixelHeight: 1080, kind: 'frame' }],
    own: false,
  },
  { type: 'references-exported', requestId: 'r4', selectionId: 4, references: [], missing: ['1:7'] },
  { type: 'board-style', style: { nodeId: '1:2', name: 'Mood', tag: 'style' } },
  { type: 'board-style', style: null, gone: 'Mood' },
  { type: 'reference-image', selectionId: 4, nodeId: '1:2', image: new Uint8Array(8), preview: true },
  { type: 'reference-image', selectionId: 3, nodeId: '1:2', image: new Uint8Array(8) },
  { type: 'selected-record', nodeId: '1:9', record },
  { type: 'selected-record', nodeId: null, record: null },
  { type: 'run-started', requestId: 'r1', slotNodeIds: ['1:10', '1:11'] },
  { type: 'result-placed', requestId: 'r2', nodeId: '1:10' },
  { type: 'nodes-selected', requestId: 'r3', found: 0 },
  { type: 'request-failed', requestId: 'r2', message: 'That image could not be read.' },
]

describe('protocol: valid messages', () => {
  it.each(uiMessages.map((m) => [m.type, m] as const))('UI → sandbox %s parses', (_type, message) => {
    const parsed = parseUiToPlugin(message)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.message).toEqual(message)
  })
  it.each(pluginMessages.map((m) => [m.type, m] as const))('sandbox → UI %s parses', (_type, message) => {
    const parsed = parsePluginToUi(message)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) expect(parsed.message).toEqual(message)
  })
})

const placeResult = uiMessages.find((m) => m.type === 'place-result')!

describe('protocol: refused messages say why', () => {
  const refused: Array<[string, unknown, RegExp]> = [
    ['not an object', 'hello', /refused/],
    ['unknown type', { type: 'delete-everything' }, /'delete-everything' refused/],
    ['an ArrayBuffer instead of Uint8Array', { ...placeResult, image: new ArrayBuffer(4) }, /at image/],
    ['a size the model cannot make', { type: 'run-start', requestId: 'r', plan: { ...plan, size: { width: 1000, height: 1000 } } }, /plan\.size.*not one Gen-4/],
    ['0 results', { type: 'run-start', requestId: 'r', plan: { ...plan, count: 0 } }, /plan\.count/],
    ['21 results', { type: 'run-start', requestId: 'r', plan: { ...plan, count: 21 } }, /plan\.count/],
    ['4 references', { type: 'run-start', requestId: 'r', plan: { ...plan, referenceNodeIds: ['1', '2', '3', '4'] } }, /referenceNodeIds/],
    ['a whitespace-only prompt', { type: 'run-start', requestId: 'r', plan: { ...plan, prompt: '   ' } }, /plan\.prompt/],
    // 501 emoji are 1002 UTF-16 units: Runway counts units, not code points.
    ['1002 UTF-16 units of emoji', { type: 'run-start', requestId: 'r', plan: { ...plan, prompt: '😀'.repeat(501) } }, /At most 1000/],
    ['a result slot past 20', { ...placeResult, index: 20 }, /at index/],
    ['a record without its task id', { ...placeResult, record: { ...record, taskUUID: undefined } }, /record\.taskUUID/],
    ['an empty key', { type: 'save-key', key: '   ' }, /at key/],
  ]
  it.each(refused)('%s', (_label, raw, reason) => {
    const parsed = parseUiToPlugin(raw)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.reason).toMatch(reason)
  })

  it('accepts exactly 1000 UTF-16 units, emoji included', () => {
    const prompt = '😀'.repeat(500)
    expect(prompt.length).toBe(1000)
    expect(parseUiToPlugin({ type: 'run-start', requestId: 'r', plan: { ...plan, prompt } }).ok).toBe(true)
  })

  it('takes a selection listing up to MAX_CANDIDATES nodes, and refuses one more', () => {
    const listed = (n: number) => Array.from({ length: n }, (_, i) => ({ nodeId: `1:${i}`, name: 'f', width: 10, height: 10, pixelWidth: 10, pixelHeight: 10, kind: 'image' }))
    const selection = (n: number) => ({ type: 'selection', selectionId: 1, state: 'ok', usableCount: n, references: listed(n), own: false })
    expect(parsePluginToUi(selection(MAX_CANDIDATES)).ok).toBe(true)
    expect(parsePluginToUi(selection(MAX_CANDIDATES + 1)).ok).toBe(false)
  })
})
